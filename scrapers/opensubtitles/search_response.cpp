#include "scrapers/opensubtitles/search_response.hpp"

#include <nlohmann/json.hpp>

#include "common/util/layout_error.hpp"

#include "scrapers/opensubtitles/json_fields.hpp"

namespace scrapers::opensubtitles {
namespace {

using detail::bool_field;
using detail::int_field;
using detail::member;
using detail::string_field;

std::vector<SubtitleFile> parse_files(const nlohmann::json& attributes) {
  std::vector<SubtitleFile> files;
  const auto* list = member(attributes, "files");
  if (list == nullptr || !list->is_array()) return files;
  for (const auto& entry : *list) {
    const auto file_id = int_field(entry, "file_id");
    if (!file_id || *file_id <= 0) continue;
    files.push_back(SubtitleFile{*file_id, int_field(entry, "cd_number"), string_field(entry, "file_name")});
  }
  return files;
}

void read_feature(const nlohmann::json& attributes, SubtitleResult& result) {
  const auto* feature = member(attributes, "feature_details");
  if (feature == nullptr) return;
  result.season_number = int_field(*feature, "season_number");
  result.episode_number = int_field(*feature, "episode_number");
  result.feature_title = string_field(*feature, "title");
  result.parent_title = string_field(*feature, "parent_title");
  result.parent_feature_id = int_field(*feature, "parent_feature_id");
  result.parent_imdb_id = int_field(*feature, "parent_imdb_id");
  result.parent_tmdb_id = int_field(*feature, "parent_tmdb_id");
}

SubtitleResult parse_item(const nlohmann::json& item) {
  SubtitleResult result;
  if (const auto* id = member(item, "id"); id != nullptr) {
    if (id->is_string()) {
      result.id = id->get<std::string>();
    } else if (const auto n = detail::as_int(*id)) {
      result.id = std::to_string(*n);
    }
  }
  const auto* attributes = member(item, "attributes");
  if (attributes == nullptr || !attributes->is_object()) return result;
  const auto& a = *attributes;
  if (result.id.empty()) result.id = string_field(a, "subtitle_id").value_or("");
  result.language = string_field(a, "language");
  result.download_count = int_field(a, "download_count");
  result.from_trusted = bool_field(a, "from_trusted");
  result.machine_translated = bool_field(a, "machine_translated");
  result.ai_translated = bool_field(a, "ai_translated");
  result.hearing_impaired = bool_field(a, "hearing_impaired");
  result.release = string_field(a, "release");
  result.upload_date = string_field(a, "upload_date");
  if (const auto* uploader = member(a, "uploader")) result.uploader_name = string_field(*uploader, "name");
  read_feature(a, result);
  result.files = parse_files(a);
  return result;
}

}  // namespace

Result<SearchPage> parse_search_response(std::string_view body) {
  auto parsed = detail::parse_api_object(body, "search response");
  if (!parsed.ok()) return std::move(parsed).error();
  const nlohmann::json& json = *parsed;
  SearchPage page;
  page.total_pages = int_field(json, "total_pages");
  page.total_count = int_field(json, "total_count");
  page.per_page = int_field(json, "per_page");
  page.page = int_field(json, "page");
  const bool has_envelope = json.contains("total_pages") || json.contains("total_count") ||
                            json.contains("page") || json.contains("per_page");
  if (!json.contains("data") && !has_envelope) {
    return make_error(ErrorKind::missing_field, "search response has no 'data' list");
  }
  const auto* data = member(json, "data");
  if (data == nullptr) return page;
  if (!data->is_array()) {
    return layout_not_recognised("search response: 'data' is not a list");
  }
  for (const auto& item : *data) {
    if (!item.is_object()) {
      ++page.skipped_items;
      continue;
    }
    page.results.push_back(parse_item(item));
  }
  return page;
}

}  // namespace scrapers::opensubtitles
