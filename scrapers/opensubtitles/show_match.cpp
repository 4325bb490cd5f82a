#include "scrapers/opensubtitles/show_match.hpp"

#include <array>
#include <vector>

#include "common/text/ascii.hpp"
#include "common/text/utf8.hpp"

namespace scrapers::opensubtitles {
namespace {

// Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A) and what they fold to.
struct Fold {
  char32_t first;
  char32_t last;
  std::string_view ascii;
};

constexpr std::array<Fold, 48> kFolds = {{
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},  {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},    {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"},   {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},   {0xD8, 0xD8, "o"},    {0xD9, 0xDC, "u"},
    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},   {0xF0, 0xF0, "d"},    {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},    {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},
    {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"},
    {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
}};

bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'`' || cp == 0xB4 || cp == 0x2BC || cp == 0x2018 || cp == 0x2019;
}

bool is_combining_mark(char32_t cp) { return in(cp, 0x300, 0x36F); }

// Punctuation, symbols and spaces: a word break.
bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  return in(cp, 0xA0, 0xBF) || cp == 0xD7 || cp == 0xF7 || in(cp, 0x2000, 0x206F) || in(cp, 0x3000, 0x303F) ||
         cp == 0x30FB || in(cp, 0xFF01, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) ||
         in(cp, 0xFF5B, 0xFF65);
}

// The lower-case form of a letter of another script (Greek, Cyrillic, full-width Latin), or cp.
char32_t lower_other(char32_t cp) {
  if (in(cp, 0x391, 0x3A9)) return cp + 0x20;               // Greek capitals
  if (in(cp, 0x410, 0x42F)) return cp + 0x20;               // Cyrillic А..Я
  if (in(cp, 0x400, 0x40F)) return cp + 0x50;               // Cyrillic Ѐ..Џ
  if (in(cp, 0xFF21, 0xFF3A)) return U'a' + (cp - 0xFF21);  // full-width A..Z
  if (in(cp, 0xFF41, 0xFF5A)) return U'a' + (cp - 0xFF41);  // full-width a..z
  if (in(cp, 0xFF10, 0xFF19)) return U'0' + (cp - 0xFF10);  // full-width digits
  return cp;
}

// Appends the folded form of one code point to `words` (a space = a word break).
void fold(char32_t cp, std::string& words) {
  if (is_apostrophe(cp) || is_combining_mark(cp)) return;
  if (cp == U'&') {
    words += " and ";
    return;
  }
  if (is_separator(cp)) {
    words += ' ';
    return;
  }
  if (cp < 0x80) {
    words += text::ascii_lower(static_cast<char>(cp));
    return;
  }
  for (const Fold& f : kFolds) {
    if (in(cp, f.first, f.last)) {
      words += f.ascii;
      return;
    }
  }
  text::append_utf8(words, lower_other(cp));
}

std::vector<std::string> split_words(const std::string& words) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < words.size()) {
    const auto start = words.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    const auto end = std::min(words.find(' ', start), words.size());
    out.push_back(words.substr(start, end - start));
    pos = end;
  }
  return out;
}

// Whether the ids both sides carry agree: nullopt when they share none.
std::optional<bool> ids_agree(const ShowIds& known, const ShowIds& seen) {
  std::optional<bool> agree;
  const std::array<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>, 3> pairs = {
      {{known.feature_id, seen.feature_id}, {known.imdb_id, seen.imdb_id}, {known.tmdb_id, seen.tmdb_id}}};
  for (const auto& [a, b] : pairs) {
    if (!a || !b) continue;
    if (*a != *b) return false;
    agree = true;
  }
  return agree;
}

}  // namespace

std::string normalize_show_title(std::string_view title) {
  std::string words;
  for (std::size_t pos = 0; pos < title.size();) {
    const text::DecodedCodePoint decoded = text::decode_utf8(title, pos);
    fold(decoded.cp, words);
    pos += decoded.length;
  }
  const std::vector<std::string> list = split_words(words);
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i == 0 && list.size() > 1 && list[0] == "the") continue;
    out += list[i];
  }
  return out;
}

ShowIds show_ids_of(const SubtitleResult& result) {
  ShowIds ids;
  ids.feature_id = result.parent_feature_id;
  ids.imdb_id = result.parent_imdb_id;
  ids.tmdb_id = result.parent_tmdb_id;
  return ids;
}

ShowVerdictDetail judge_show(const ShowIdentity& show, const SubtitleResult& result) {
  ShowVerdictDetail detail;
  if (const auto agree = ids_agree(show.ids, show_ids_of(result))) {
    detail.verdict = *agree ? ShowVerdict::same_show : ShowVerdict::other_show;
    detail.by_ids = true;
    return detail;
  }
  if (!result.parent_title || normalize_show_title(*result.parent_title).empty()) {
    detail.verdict = ShowVerdict::unknown_show;
    return detail;
  }
  const std::string wanted = normalize_show_title(show.title);
  detail.verdict = !wanted.empty() && normalize_show_title(*result.parent_title) == wanted
                       ? ShowVerdict::same_show
                       : ShowVerdict::other_show;
  return detail;
}

bool is_episode(const SubtitleResult& result, int season, int episode) {
  return result.season_number == season && result.episode_number == episode;
}

}  // namespace scrapers::opensubtitles
