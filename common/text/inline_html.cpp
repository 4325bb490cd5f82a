#include "common/text/inline_html.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <utility>

#include "common/text/whitespace.hpp"

namespace scrapers::text {
namespace {

constexpr std::array<std::string_view, 8> kNames{"em", "i", "strong", "b", "u", "s", "sup", "sub"};
constexpr std::string_view kBreak = "<br>";

std::string_view name_of(Emphasis emphasis) { return kNames[static_cast<std::size_t>(emphasis)]; }

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    default: out += c;
  }
}

void append_tag(std::string& out, Emphasis emphasis, bool closing) {
  out += closing ? "</" : "<";
  out += name_of(emphasis);
  out += '>';
}

// The tag at the start of `s` ("<em>", "</strong>"): its emphasis and whether it
// closes; nullopt for anything else.
struct Tag {
  Emphasis emphasis;
  bool closing;
  std::size_t length;
};
std::optional<Tag> tag_at(std::string_view s) {
  if (!s.starts_with('<')) return std::nullopt;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    for (const bool closing : {false, true}) {
      std::string tag;
      append_tag(tag, static_cast<Emphasis>(i), closing);
      if (s.starts_with(tag)) return Tag{static_cast<Emphasis>(i), closing, tag.size()};
    }
  }
  return std::nullopt;
}

// The entity at the start of `s` ("&amp;" ...) and the character it stands for.
std::optional<std::pair<char, std::size_t>> entity_at(std::string_view s) {
  if (!s.starts_with('&')) return std::nullopt;
  if (s.starts_with("&amp;")) return std::pair{'&', std::size_t{5}};
  if (s.starts_with("&lt;")) return std::pair{'<', std::size_t{4}};
  if (s.starts_with("&gt;")) return std::pair{'>', std::size_t{4}};
  return std::nullopt;
}

}  // namespace

std::optional<Emphasis> emphasis_named(std::string_view tag) {
  const auto it = std::find(kNames.begin(), kNames.end(), tag);
  if (it == kNames.end()) return std::nullopt;
  return static_cast<Emphasis>(it - kNames.begin());
}

void InlineHtmlBuilder::open(Emphasis emphasis) { open_.push_back(emphasis); }

void InlineHtmlBuilder::close(Emphasis emphasis) {
  const auto it = std::find(open_.rbegin(), open_.rend(), emphasis);
  if (it != open_.rend()) open_.erase(std::next(it).base());
}

void InlineHtmlBuilder::space() {
  if (!line_.empty()) pending_space_ = true;
}

void InlineHtmlBuilder::text(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (is_ascii_space(utf8[i])) {
      space();
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < utf8.size() && !is_ascii_space(utf8[end])) ++end;
    sync_tags();
    for (; i < end; ++i) append_escaped(line_, utf8[i]);
  }
}

// Closes the written tags the text is no longer inside, writes a pending space
// (outside any tag about to open), then opens the tags the text is inside of.
void InlineHtmlBuilder::sync_tags() {
  std::size_t common = 0;
  while (common < written_.size() && common < open_.size() && written_[common] == open_[common]) ++common;
  while (written_.size() > common) {
    append_tag(line_, written_.back(), true);
    written_.pop_back();
  }
  if (pending_space_) line_ += ' ';
  pending_space_ = false;
  for (std::size_t i = common; i < open_.size(); ++i) {
    append_tag(line_, open_[i], false);
    written_.push_back(open_[i]);
  }
}

void InlineHtmlBuilder::end_line() {
  while (!written_.empty()) {
    append_tag(line_, written_.back(), true);
    written_.pop_back();
  }
  if (!line_.empty()) lines_.push_back(std::move(line_));
  line_.clear();
  pending_space_ = false;
}

void InlineHtmlBuilder::line_break() { end_line(); }

std::string InlineHtmlBuilder::end_paragraph() {
  end_line();
  std::string out;
  for (const std::string& line : lines_) {
    if (!out.empty()) out += kBreak;
    out += line;
  }
  lines_.clear();
  return out;
}

std::string inline_html_from_text(std::string_view text) {
  InlineHtmlBuilder builder;
  builder.text(text);
  return builder.end_paragraph();
}

std::vector<std::string_view> inline_lines(std::string_view html) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = html.find(kBreak, start);
    lines.push_back(html.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + kBreak.size();
  }
}

std::string inline_plain_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const std::string_view rest = html.substr(i);
    if (rest.starts_with(kBreak)) {
      out += '\n';
      i += kBreak.size();
    } else if (const auto tag = tag_at(rest)) {
      i += tag->length;
    } else if (const auto entity = entity_at(rest)) {
      out += entity->first;
      i += entity->second;
    } else {
      out += html[i++];
    }
  }
  return out;
}

bool is_inline_html(std::string_view html) {
  std::vector<Emphasis> open;
  for (std::size_t i = 0; i < html.size();) {
    const std::string_view rest = html.substr(i);
    if (rest.starts_with(kBreak)) {
      if (!open.empty()) return false;
      i += kBreak.size();
    } else if (const auto tag = tag_at(rest)) {
      if (tag->closing) {
        if (open.empty() || open.back() != tag->emphasis) return false;
        open.pop_back();
      } else {
        open.push_back(tag->emphasis);
      }
      i += tag->length;
    } else if (const auto entity = entity_at(rest)) {
      i += entity->second;
    } else if (html[i] == '<' || html[i] == '>' || html[i] == '&') {
      return false;
    } else {
      ++i;
    }
  }
  return open.empty();
}

}  // namespace scrapers::text
