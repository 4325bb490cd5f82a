#include "scrapers/opensubtitles/subtitle_choice.hpp"

#include <algorithm>

#include "common/text/ascii.hpp"
#include "common/text/control_chars.hpp"
#include "common/text/utf8.hpp"
#include "scrapers/opensubtitles/api_query.hpp"

namespace scrapers::opensubtitles {
namespace {

constexpr std::size_t kMaxNamedShows = 3;
constexpr std::size_t kMaxShownTitleBytes = 60;

// A title from the API as a reason may show it: one line, no control characters, bounded.
std::string shown_title(std::string_view title) {
  std::string out = text::without_control_chars(title);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  if (out.size() > kMaxShownTitleBytes)
    out = out.substr(0, text::utf8_prefix_length(out, kMaxShownTitleBytes)) + "...";
  return out;
}

bool language_matches(const SubtitleResult& r, const ChoiceOptions& options) {
  if (options.languages.empty()) return true;
  if (!r.language) return false;
  const std::string language = text::to_ascii_lower(*r.language);
  return std::find(options.languages.begin(), options.languages.end(), language) != options.languages.end();
}

// Every file, by cd_number; files without one after the numbered ones, in list order.
std::vector<SubtitleFile> ordered_parts(std::vector<SubtitleFile> files) {
  std::stable_sort(files.begin(), files.end(), [](const SubtitleFile& a, const SubtitleFile& b) {
    if (a.cd_number.has_value() != b.cd_number.has_value()) return a.cd_number.has_value();
    return a.cd_number.value_or(0) < b.cd_number.value_or(0);
  });
  return files;
}

// True when a ranks strictly before b.
bool better(const SubtitleResult& a, const SubtitleResult& b) {
  const bool trusted_a = a.from_trusted.value_or(false);
  const bool trusted_b = b.from_trusted.value_or(false);
  if (trusted_a != trusted_b) return trusted_a;
  return a.download_count.value_or(0) > b.download_count.value_or(0);
}

void add_distinct(std::vector<std::string>& list, const std::string& value) {
  if (list.size() < kMaxNamedShows && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

// The id a show is told apart by: parent_feature_id, else the IMDb id.
std::optional<std::int64_t> show_key(const ShowIds& ids) { return ids.feature_id ? ids.feature_id : ids.imdb_id; }

// Whether the result belongs to the target; counts it in the report when not. The shows
// of results matched by title alone are collected in `title_shows`.
bool on_target(const SubtitleResult& r, const EpisodeTarget& target, ChoiceReport& report,
               std::vector<std::int64_t>& title_shows) {
  const ShowVerdictDetail show = judge_show(target.show, r);
  if (show.verdict == ShowVerdict::other_show) {
    ++report.other_show;
    if (r.parent_title) add_distinct(report.other_show_titles, shown_title(*r.parent_title));
    return false;
  }
  if (show.verdict == ShowVerdict::unknown_show) {
    ++report.unknown_show;
    return false;
  }
  if (!is_episode(r, target.season, target.episode)) {
    ++report.other_episode;
    return false;
  }
  const auto key = show_key(show_ids_of(r));
  if (!show.by_ids && key && std::find(title_shows.begin(), title_shows.end(), *key) == title_shows.end()) {
    title_shows.push_back(*key);
  }
  return true;
}

ChoiceReport choose(const std::vector<SubtitleResult>& results, const ChoiceOptions& options,
                    const EpisodeTarget* target) {
  ChoiceReport report;
  std::vector<std::int64_t> title_shows;
  const SubtitleResult* best = nullptr;
  std::size_t best_index = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const SubtitleResult& r = results[i];
    if (target != nullptr && !on_target(r, *target, report, title_shows)) continue;
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
  if (title_shows.size() > 1) {
    report.ambiguous_ids = std::move(title_shows);
    return report;
  }
  if (best == nullptr) return report;
  std::vector<SubtitleFile> parts = ordered_parts(best->files);
  SubtitleChoice choice;
  choice.result_index = best_index;
  choice.subtitle_id = best->id;
  choice.file_id = parts.front().file_id;
  choice.file_name = parts.front().file_name;
  choice.language = best->language;
  choice.parts = std::move(parts);
  report.choice = std::move(choice);
  if (target != nullptr && !show_ids_of(*best).empty()) report.certain_ids = show_ids_of(*best);
  return report;
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
  return choose(results, options, nullptr);
}

ChoiceReport choose_episode_subtitle(const std::vector<SubtitleResult>& results, const ChoiceOptions& options,
                                     const EpisodeTarget& target) {
  return choose(results, options, &target);
}

void ChoiceReport::add_counts(const ChoiceReport& other) {
  other_show += other.other_show;
  unknown_show += other.unknown_show;
  other_episode += other.other_episode;
  other_language += other.other_language;
  machine_translated += other.machine_translated;
  ai_translated += other.ai_translated;
  without_files += other.without_files;
  for (const auto& title : other.other_show_titles) add_distinct(other_show_titles, title);
}

std::string ChoiceReport::summary() const {
  const std::size_t total = other_show + unknown_show + other_episode + other_language + machine_translated +
                            ai_translated + without_files;
  if (total == 0) return {};
  std::string parts;
  auto add = [&](std::size_t n, const std::string& what) {
    if (n == 0) return;
    parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  std::string titles;
  for (const auto& title : other_show_titles) titles += (titles.empty() ? "'" : ", '") + title + "'";
  add(other_show, "for another show" + (titles.empty() ? std::string() : " (" + titles + ")"));
  add(unknown_show, "naming no show");
  add(other_episode, "for another episode");
  add(other_language, "in another language");
  add(machine_translated, "machine-translated");
  add(ai_translated, "AI-translated");
  add(without_files, "without files");
  return std::to_string(total) + (total == 1 ? " result" : " results") + " passed over: " + parts;
}

}  // namespace scrapers::opensubtitles
