// Query strings the OpenSubtitles API accepts without a redirect.
//
// The API answers 301 to a query whose parameters are not in alphabetical order,
// that writes a space as %20 or a list's comma raw (its canonical form writes
// "languages=en%2Cpt-br", as the official clients' URLSearchParams / urlencode
// serialisers do). canonical_query therefore lower-cases keys and values, drops
// parameters that are empty or equal the API default (see is_default_param), sorts
// by key (stable for repeated keys), and encodes each side keeping only RFC 3986
// unreserved bytes, writing spaces as '+' and percent-encoding everything else
// (',' included) with upper-case hex. IMDb ids lose their "tt" and leading zeros.
// Only ASCII letters are lower-cased; other UTF-8 passes through encoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scrapers::opensubtitles {

using ApiParams = std::vector<std::pair<std::string, std::string>>;

// "k=v&k2=v2", canonical as described above; "" when nothing remains.
std::string canonical_query(ApiParams params);

// True when the API would assume this value anyway (e.g. ai_translated=include,
// machine_translated=exclude, order_direction=desc, type=all, page=1).
bool is_default_param(std::string_view key, std::string_view value);

// "EN, pt-BR,en" -> "en,pt-br": lower-case, trimmed, de-duplicated, sorted;
// empty entries dropped.
std::string normalize_languages(std::string_view languages);

// One language code: 2-3 ASCII letters, optionally "-" and 2-4 letters or digits
// ("en", "pt-br", "zh-cn", "ze"). Case-insensitive.
bool is_language_code(std::string_view code);

struct SearchQuery {
  std::string query;  // series name ("" = not sent: a search by the show's ids)
  std::optional<std::int64_t> parent_feature_id;
  std::optional<std::int64_t> parent_imdb_id;
  std::optional<std::int64_t> parent_tmdb_id;
  std::optional<int> season_number;
  std::optional<int> episode_number;
  std::string languages;  // comma-separated
  std::string order_by = "download_count";
  std::string order_direction = "desc";
  bool allow_ai_translated = false;  // false: ai_translated=exclude is sent
  std::optional<int> page;
};

// "subtitles?<canonical query>" (relative to the API base URL).
std::string search_target(const SearchQuery& query);

}  // namespace scrapers::opensubtitles
