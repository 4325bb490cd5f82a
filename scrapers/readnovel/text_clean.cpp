#include "scrapers/readnovel/text_clean.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "common/text/ascii.hpp"
#include "common/text/entities.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"
#include "scrapers/readnovel/watermark.hpp"

namespace scrapers::readnovel {
namespace {

constexpr std::size_t kMaxTagBytes = 200;
constexpr std::size_t kMaxTitleBytes = 1000;

// Removed wherever they appear; the first three also break the line.
constexpr std::string_view kAlwaysRemoved[] = {"br", "hr", "p", "div", "wbr", "nulli"};
// Removed when the line has both an opening and a closing tag of the name.
constexpr std::string_view kPairedInline[] = {
    "a",    "abbr", "b", "big",  "cite",  "code", "del",    "dfn",    "em",  "font", "i",  "ins", "kbd",
    "mark", "q",    "s", "samp", "small", "span", "strike", "strong", "sub", "sup",  "tt", "u",   "var"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool breaks_line(std::string_view name) { return name == "br" || name == "hr" || name == "p" || name == "div"; }

struct TagToken {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past '>'
  std::string name;     // lower-case
  bool closing = false;
};

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A tag-like token at line[pos] == '<' whose name is a known HTML tag.
std::optional<TagToken> tag_at(std::string_view line, std::size_t pos) {
  TagToken tag;
  tag.begin = pos;
  std::size_t i = pos + 1;
  if (i < line.size() && line[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  if (i >= line.size() || !is_alpha(line[i])) return std::nullopt;
  while (i < line.size() && is_alnum(line[i])) ++i;
  for (std::size_t k = name_start; k < i; ++k) {
    tag.name.push_back(text::ascii_lower(line[k]));
  }
  if (!contains(kAlwaysRemoved, tag.name) && !contains(kPairedInline, tag.name)) return std::nullopt;
  if (i < line.size() && line[i] != '>' && line[i] != '/' && line[i] != ' ') return std::nullopt;
  const std::size_t close = line.find('>', i);
  if (close == std::string_view::npos || close - pos > kMaxTagBytes) return std::nullopt;
  if (line.substr(i, close - i).find('<') != std::string_view::npos) return std::nullopt;
  tag.end = close + 1;
  return tag;
}

// The tags of a line that are to be removed.
std::vector<TagToken> removable_tags(std::string_view line) {
  std::vector<TagToken> tags;
  std::map<std::string, std::pair<int, int>> counts;  // name -> {opening, closing}
  for (std::size_t pos = line.find('<'); pos != std::string_view::npos; pos = line.find('<', pos + 1)) {
    if (auto tag = tag_at(line, pos)) {
      auto& [opening, closing] = counts[tag->name];
      (tag->closing ? closing : opening) += 1;
      pos = tag->end - 1;
      tags.push_back(std::move(*tag));
    }
  }
  std::erase_if(tags, [&](const TagToken& tag) {
    if (contains(kAlwaysRemoved, tag.name)) return false;
    const auto& [opening, closing] = counts[tag.name];
    return opening == 0 || closing == 0;
  });
  return tags;
}

void append_superscript(std::string& out, std::string_view digits) {
  constexpr std::array<char32_t, 10> kSuperscripts = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                                      0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
  for (char d : digits) text::append_utf8(out, kSuperscripts[static_cast<std::size_t>(d - '0')]);
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The line without its removable tags ('\n' where a tag breaks the line).
std::string strip_tags(std::string_view line, std::size_t& removed) {
  const std::vector<TagToken> tags = removable_tags(line);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t t = 0; t < tags.size(); ++t) {
    const TagToken& tag = tags[t];
    out.append(line.substr(copied, tag.begin - copied));
    copied = tag.end;
    ++removed;
    if (tag.name == "sup" && !tag.closing && t + 1 < tags.size() && tags[t + 1].name == "sup" &&
        tags[t + 1].closing) {
      const std::string_view inner = line.substr(tag.end, tags[t + 1].begin - tag.end);
      if (all_digits(inner)) {
        append_superscript(out, inner);
        copied = tags[t + 1].end;
        ++removed;
        ++t;
        continue;
      }
    }
    if (breaks_line(tag.name)) out.push_back('\n');
  }
  out.append(line.substr(copied));
  return out;
}

bool is_dropped_character(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200B || cp == 0x2060 ||
         cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFE ||
         cp == 0xFFFF;
}

// Control, bidi-override and invisible characters removed; s must be valid UTF-8.
std::string drop_invisible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const text::DecodedCodePoint d = text::decode_utf8(s, pos);
    if (!is_dropped_character(d.cp)) out.append(s.substr(pos, d.length));
    pos += d.length;
  }
  return out;
}

// References decoded; twice when the text was escaped twice ("&amp;lt;sup&amp;gt;").
std::string unescape(std::string_view s) {
  std::string once = text::decode_entities(s);
  for (std::string_view marker : {"&lt;", "&gt;", "&amp;", "&quot;", "&#"}) {
    if (once.find(marker) != std::string::npos) return text::decode_entities(once);
  }
  return once;
}

void count_characters(std::string_view s, CleanedText& out) {
  for (std::size_t pos = 0; pos < s.size();) {
    const text::DecodedCodePoint d = text::decode_utf8(s, pos);
    pos += d.length;
    ++out.characters;
    if (d.cp == text::kReplacementCharacter) ++out.replacement_characters;
  }
}

// Lines of the text after unescaping and tag removal.
std::vector<std::string> prepared_lines(std::string_view raw, std::size_t& tags_removed) {
  const std::string text = unescape(text::normalize_line_endings(text::repair_utf8(raw)));
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string stripped = strip_tags(std::string_view(text).substr(start, end - start), tags_removed);
    std::size_t piece = 0;
    while (piece <= stripped.size()) {
      std::size_t stop = stripped.find('\n', piece);
      if (stop == std::string::npos) stop = stripped.size();
      lines.push_back(text::collapse_whitespace(drop_invisible(stripped.substr(piece, stop - piece)), true));
      piece = stop + 1;
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace

CleanedText clean_chapter_text(std::string_view raw) {
  CleanedText out;
  for (std::string& line : prepared_lines(raw, out.tags_removed)) {
    if (line.empty()) continue;
    if (is_watermark_line(line)) {
      ++out.watermark_lines;
      continue;
    }
    count_characters(line, out);
    out.paragraphs.push_back(std::move(line));
  }
  return out;
}

std::string clean_chapter_title(std::string_view raw) {
  std::size_t removed = 0;
  std::string title;
  for (const std::string& line : prepared_lines(raw, removed)) {
    if (line.empty()) continue;
    if (!title.empty()) title.push_back(' ');
    title += line;
  }
  if (title.size() > kMaxTitleBytes) {
    title.resize(text::utf8_prefix_length(title, kMaxTitleBytes));
    title = std::string(text::trim(title));
  }
  return title;
}

Status check_min_length(const CleanedText& text, std::size_t min_characters) {
  if (text.characters >= min_characters) return Ok{};
  return make_error(ErrorKind::missing_field, "chapter text too short: " + std::to_string(text.characters) +
                                                  " characters (at least " + std::to_string(min_characters) +
                                                  " required)");
}

}  // namespace scrapers::readnovel
