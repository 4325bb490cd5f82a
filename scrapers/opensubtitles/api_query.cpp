#include "scrapers/opensubtitles/api_query.hpp"

#include <algorithm>
#include <array>

#include "common/text/ascii.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::opensubtitles {
namespace {

struct DefaultValue {
  std::string_view key;
  std::string_view value;
};

constexpr std::array<DefaultValue, 9> kDefaults = {{
    {"ai_translated", "include"},
    {"foreign_parts_only", "include"},
    {"hearing_impaired", "include"},
    {"machine_translated", "exclude"},
    {"moviehash_match", "include"},
    {"order_direction", "desc"},
    {"page", "1"},
    {"trusted_sources", "include"},
    {"type", "all"},
}};

bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void append_encoded(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : s) {
    if (unreserved(c)) {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0x0f];
    }
  }
}

bool is_imdb_key(std::string_view key) { return key == "imdb_id" || key == "parent_imdb_id"; }

std::string strip_imdb(std::string_view value) {
  if (value.size() >= 2 && value[0] == 't' && value[1] == 't') value.remove_prefix(2);
  const auto first = value.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(value.substr(first));
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

}  // namespace

bool is_default_param(std::string_view key, std::string_view value) {
  return std::any_of(kDefaults.begin(), kDefaults.end(),
                     [&](const DefaultValue& d) { return d.key == key && d.value == value; });
}

std::string canonical_query(ApiParams params) {
  ApiParams kept;
  for (auto& [key, value] : params) {
    std::string k = text::to_ascii_lower(text::trim(key));
    std::string v = text::to_ascii_lower(text::trim(value));
    if (k.empty() || v.empty()) continue;
    if (is_imdb_key(k)) v = strip_imdb(v);
    if (is_default_param(k, v)) continue;
    kept.emplace_back(std::move(k), std::move(v));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [key, value] : kept) {
    if (!out.empty()) out += '&';
    append_encoded(out, key);
    out += '=';
    append_encoded(out, value);
  }
  return out;
}

std::string normalize_languages(std::string_view languages) {
  std::vector<std::string> codes;
  std::size_t pos = 0;
  while (pos <= languages.size()) {
    const auto comma = std::min(languages.find(',', pos), languages.size());
    std::string code = text::to_ascii_lower(text::trim(languages.substr(pos, comma - pos)));
    if (!code.empty()) codes.push_back(std::move(code));
    pos = comma + 1;
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
  return out;
}

bool is_language_code(std::string_view code) {
  const auto dash = code.find('-');
  const std::string_view base = code.substr(0, dash);
  if (base.size() < 2 || base.size() > 3 || !std::all_of(base.begin(), base.end(), is_alpha)) return false;
  if (dash == std::string_view::npos) return true;
  const std::string_view region = code.substr(dash + 1);
  return region.size() >= 2 && region.size() <= 4 && std::all_of(region.begin(), region.end(), is_alnum);
}

std::string search_target(const SearchQuery& q) {
  ApiParams params{{"query", q.query},
                   {"languages", normalize_languages(q.languages)},
                   {"order_by", q.order_by},
                   {"order_direction", q.order_direction}};
  if (q.season_number) params.emplace_back("season_number", std::to_string(*q.season_number));
  if (q.episode_number) params.emplace_back("episode_number", std::to_string(*q.episode_number));
  if (!q.allow_ai_translated) params.emplace_back("ai_translated", "exclude");
  if (q.page) params.emplace_back("page", std::to_string(*q.page));
  if (q.parent_feature_id) params.emplace_back("parent_feature_id", std::to_string(*q.parent_feature_id));
  if (q.parent_imdb_id) params.emplace_back("parent_imdb_id", std::to_string(*q.parent_imdb_id));
  if (q.parent_tmdb_id) params.emplace_back("parent_tmdb_id", std::to_string(*q.parent_tmdb_id));
  const std::string query = canonical_query(std::move(params));
  return query.empty() ? std::string("subtitles") : "subtitles?" + query;
}

}  // namespace scrapers::opensubtitles
