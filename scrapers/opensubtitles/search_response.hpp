// The result of GET /subtitles: the envelope {total_pages, total_count, per_page,
// page, data[]} and, per item, the attributes a download decision needs.
//
// Every field may be null, missing or of an unexpected type: such a field is
// simply absent here (nullopt / empty), never an error. Items that are not
// objects are counted in `skipped_items`; an item without attributes is kept with
// its id and no files. A file is kept only when it has a usable positive file_id.
// Errors: the body is not JSON (parse / bad_content_type), the top level is not an
// object, `data` is present but not an array (layout_changed), or the object has
// neither `data` nor any envelope field (missing_field: not a search response).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::opensubtitles {

struct SubtitleFile {
  std::int64_t file_id = 0;
  std::optional<std::int64_t> cd_number;
  std::optional<std::string> file_name;
};

struct SubtitleResult {
  std::string id;                       // item id ("" when null)
  std::optional<std::string> language;  // as sent: mixed case ("pt-BR")
  std::optional<std::int64_t> download_count;
  std::optional<bool> from_trusted;
  std::optional<bool> machine_translated;
  std::optional<bool> ai_translated;
  std::optional<bool> hearing_impaired;
  std::optional<std::string> release;
  std::optional<std::string> upload_date;
  std::optional<std::string> uploader_name;
  std::optional<std::int64_t> season_number;   // feature_details
  std::optional<std::int64_t> episode_number;  // feature_details
  std::optional<std::string> feature_title;    // feature_details.title
  std::optional<std::string> parent_title;     // feature_details.parent_title: the show
  std::optional<std::int64_t> parent_feature_id;
  std::optional<std::int64_t> parent_imdb_id;
  std::optional<std::int64_t> parent_tmdb_id;
  std::vector<SubtitleFile> files;
};

struct SearchPage {
  std::optional<std::int64_t> total_pages;
  std::optional<std::int64_t> total_count;
  std::optional<std::int64_t> per_page;
  std::optional<std::int64_t> page;
  std::vector<SubtitleResult> results;
  std::size_t skipped_items = 0;
};

Result<SearchPage> parse_search_response(std::string_view body);

}  // namespace scrapers::opensubtitles
