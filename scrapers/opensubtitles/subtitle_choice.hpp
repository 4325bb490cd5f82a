// Choosing the subtitle file to download for one episode from a search result.
//
// A result qualifies when its language matches one of the wanted languages
// (case-insensitive; any language when none are given), it is not machine
// translated, it is not AI translated unless allow_ai_translated, and it has at
// least one file. Among qualifying results the choice prefers a trusted uploader
// (from_trusted), then the higher download_count (null counts as 0), then the
// API's own order. The chosen file is the one with the lowest cd_number (the
// first listed when numbers are missing). Null flags count as false. The report
// also says why the other results were passed over, for the run's log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scrapers/opensubtitles/search_response.hpp"

namespace scrapers::opensubtitles {

struct ChoiceOptions {
  std::vector<std::string> languages;  // lower-case codes; empty = any language
  bool allow_ai_translated = false;
};

struct SubtitleChoice {
  std::size_t result_index = 0;  // into the results given
  std::string subtitle_id;
  std::int64_t file_id = 0;
  std::optional<std::string> file_name;
  std::optional<std::string> language;
};

struct ChoiceReport {
  std::optional<SubtitleChoice> choice;
  std::size_t other_language = 0;
  std::size_t machine_translated = 0;
  std::size_t ai_translated = 0;
  std::size_t without_files = 0;

  // "3 results passed over: 1 machine-translated, 2 without files"; "" when none were.
  std::string summary() const;
};

ChoiceReport choose_subtitle(const std::vector<SubtitleResult>& results, const ChoiceOptions& options);

// "en,pt-br" -> {"en", "pt-br"} (normalised as normalize_languages does).
std::vector<std::string> language_list(std::string_view languages);

}  // namespace scrapers::opensubtitles
