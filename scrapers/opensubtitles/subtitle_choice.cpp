#include "scrapers/opensubtitles/subtitle_choice.hpp"

#include <algorithm>

#include "common/text/ascii.hpp"
#include "scrapers/opensubtitles/api_query.hpp"

namespace scrapers::opensubtitles {
namespace {

bool language_matches(const SubtitleResult& r, const ChoiceOptions& options) {
  if (options.languages.empty()) return true;
  if (!r.language) return false;
  const std::string language = text::to_ascii_lower(*r.language);
  return std::find(options.languages.begin(), options.languages.end(), language) != options.languages.end();
}

// The file with the lowest cd_number; files without one rank after numbered ones, in list order.
const SubtitleFile& first_file(const std::vector<SubtitleFile>& files) {
  const auto it = std::min_element(files.begin(), files.end(), [](const SubtitleFile& a, const SubtitleFile& b) {
    if (a.cd_number.has_value() != b.cd_number.has_value()) return a.cd_number.has_value();
    return a.cd_number.value_or(0) < b.cd_number.value_or(0);
  });
  return *it;
}

// True when a ranks strictly before b.
bool better(const SubtitleResult& a, const SubtitleResult& b) {
  const bool trusted_a = a.from_trusted.value_or(false);
  const bool trusted_b = b.from_trusted.value_or(false);
  if (trusted_a != trusted_b) return trusted_a;
  return a.download_count.value_or(0) > b.download_count.value_or(0);
}

}  // namespace

std::vector<std::string> language_list(std::string_view languages) {
  std::vector<std::string> out;
  const std::string normal = normalize_languages(languages);
  std::size_t pos = 0;
  while (pos < normal.size()) {
    const auto comma = std::min(normal.find(',', pos), normal.size());
    out.push_back(normal.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

ChoiceReport choose_subtitle(const std::vector<SubtitleResult>& results, const ChoiceOptions& options) {
  ChoiceReport report;
  const SubtitleResult* best = nullptr;
  std::size_t best_index = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const SubtitleResult& r = results[i];
    if (!language_matches(r, options)) {
      ++report.other_language;
    } else if (r.machine_translated.value_or(false)) {
      ++report.machine_translated;
    } else if (r.ai_translated.value_or(false) && !options.allow_ai_translated) {
      ++report.ai_translated;
    } else if (r.files.empty()) {
      ++report.without_files;
    } else if (best == nullptr || better(r, *best)) {
      best = &r;
      best_index = i;
    }
  }
  if (best != nullptr) {
    const SubtitleFile& file = first_file(best->files);
    report.choice = SubtitleChoice{best_index, best->id, file.file_id, file.file_name, best->language};
  }
  return report;
}

std::string ChoiceReport::summary() const {
  const std::size_t total = other_language + machine_translated + ai_translated + without_files;
  if (total == 0) return {};
  std::string parts;
  auto add = [&](std::size_t n, const char* what) {
    if (n == 0) return;
    parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  add(other_language, "in another language");
  add(machine_translated, "machine-translated");
  add(ai_translated, "AI-translated");
  add(without_files, "without files");
  return std::to_string(total) + (total == 1 ? " result" : " results") + " passed over: " + parts;
}

}  // namespace scrapers::opensubtitles
