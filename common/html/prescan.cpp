#include "common/html/prescan.hpp"

#include <array>
#include <optional>
#include <string>

#include "common/util/layout_error.hpp"

namespace scrapers::html {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// A close tag looks this far down the open-element stack for its element; further
// down it is ignored (bounds the cost of a flood of stray close tags).
constexpr std::size_t kMaxCloseSearch = 128;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) noexcept {
  for (const std::string_view n : names) {
    if (iequals(name, n)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 17> kVoid{"area",  "base",  "br",     "col",      "embed",  "hr",
                                                 "img",   "input", "link",   "meta",     "param",  "source",
                                                 "track", "wbr",   "keygen", "basefont", "bgsound"};
constexpr std::array<std::string_view, 8> kRawText{"script",  "style",    "xmp",      "iframe",
                                                   "noembed", "noframes", "textarea", "title"};

constexpr std::array<std::string_view, 30> kClosesP{
    "address", "article", "aside", "blockquote", "details", "div", "dl",      "fieldset", "figcaption", "figure",
    "footer",  "form",    "h1",    "h2",         "h3",      "h4",  "h5",      "h6",       "header",     "hr",
    "main",    "menu",    "nav",   "ol",         "p",       "pre", "section", "table",    "ul",         "li"};
constexpr std::array<std::string_view, 2> kCells{"td", "th"};
constexpr std::array<std::string_view, 3> kRowsAndCells{"tr", "td", "th"};
constexpr std::array<std::string_view, 3> kSections{"thead", "tbody", "tfoot"};

// Whether opening `name` implicitly closes the open element `top` (<p><div>, <li><li>,
// <tr><td>…<tr>, <td><td>, <option><option> …), as the tree builder would.
bool implicitly_closes(std::string_view name, std::string_view top) noexcept {
  if (iequals(top, "p")) return one_of(name, kClosesP);
  if (iequals(name, "li")) return iequals(top, "li");
  if (iequals(name, "dt") || iequals(name, "dd")) return iequals(top, "dt") || iequals(top, "dd");
  if (one_of(name, kCells)) return one_of(top, kCells);
  if (iequals(name, "tr")) return one_of(top, kRowsAndCells);
  if (one_of(name, kSections)) return one_of(top, kRowsAndCells) || one_of(top, kSections);
  if (iequals(name, "option")) return iequals(top, "option");
  if (iequals(name, "optgroup")) return iequals(top, "option") || iequals(top, "optgroup");
  return false;
}

// The end of the raw text that starts at `from` for element `name`: the offset of
// "</name" followed by whitespace, '/' or '>' (or the end of the text).
std::size_t raw_text_end(std::string_view s, std::size_t from, std::string_view name) noexcept {
  for (std::size_t at = s.find("</", from); at != npos; at = s.find("</", at + 2)) {
    const std::size_t after = at + 2 + name.size();
    if (after > s.size() || !iequals(s.substr(at + 2, name.size()), name)) continue;
    if (after == s.size() || is_space(s[after]) || s[after] == '/' || s[after] == '>') return at;
  }
  return s.size();
}

struct Tag {
  std::string_view name;
  std::size_t attributes = 0;
  std::optional<std::string_view> id;
  bool self_closing = false;
};

class Scanner {
 public:
  Scanner(std::string_view s, const PrescanLimits& limits) : s_(s), limits_(limits) {}

  Result<PrescanResult> run() {
    while (pos_ < s_.size()) {
      const std::size_t lt = s_.find('<', pos_);
      if (lt == npos || lt + 1 >= s_.size()) break;
      pos_ = lt + 1;
      const char c = s_[pos_];
      if (c == '!' || c == '?') {
        skip_markup_declaration(lt);
      } else if (c == '/' && lt + 2 < s_.size() && is_letter(s_[lt + 2])) {
        ++pos_;
        close_tag(read_tag());
      } else if (is_letter(c)) {
        if (auto refused = open_tag(read_tag()); !refused) return std::move(refused).error();
      }
    }
    return std::move(result_);
  }

 private:
  bool foreign() const noexcept { return foreign_depth_ != 0; }

  void skip_markup_declaration(std::size_t lt) {
    const std::string_view rest = s_.substr(lt);
    std::size_t end = npos;
    if (rest.starts_with("<!--")) {
      end = s_.find("-->", lt + 2);
      pos_ = end == npos ? s_.size() : end + 3;
      return;
    }
    if (foreign() && rest.starts_with("<![CDATA[")) {
      end = s_.find("]]>", lt + 9);
      pos_ = end == npos ? s_.size() : end + 3;
      return;
    }
    end = s_.find('>', lt);
    pos_ = end == npos ? s_.size() : end + 1;
  }

  // Reads a tag from its name (pos_) through its '>' and counts its attributes.
  Tag read_tag() {
    Tag tag;
    const std::size_t start = pos_;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '/' && s_[pos_] != '>') ++pos_;
    tag.name = s_.substr(start, pos_ - start);
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '>') {
        ++pos_;
        return tag;
      }
      if (is_space(c) || c == '/') {
        tag.self_closing = c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '>';
        ++pos_;
        continue;
      }
      read_attribute(tag);
    }
    return tag;
  }

  void read_attribute(Tag& tag) {
    const std::size_t start = pos_++;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '/' && s_[pos_] != '>' && s_[pos_] != '=') {
      ++pos_;
    }
    const std::string_view name = s_.substr(start, pos_ - start);
    ++tag.attributes;
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
    std::string_view value;
    if (pos_ < s_.size() && s_[pos_] == '=') {
      ++pos_;
      while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
      value = read_value();
    }
    if (!tag.id && iequals(name, "id")) tag.id = value;
  }

  std::string_view read_value() {
    if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
      const std::size_t close = s_.find(s_[pos_], pos_ + 1);
      const std::size_t end = close == npos ? s_.size() : close;
      const std::string_view value = s_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = close == npos ? s_.size() : close + 1;
      return value;
    }
    const std::size_t start = pos_;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
    return s_.substr(start, pos_ - start);
  }

  Status count(const Tag& tag) {
    result_.attributes += tag.attributes;
    if (tag.attributes > result_.max_attributes_per_tag) result_.max_attributes_per_tag = tag.attributes;
    if (tag.attributes > limits_.max_attributes_per_tag) {
      return refuse(ErrorKind::too_large,
                    "a tag with more than " + std::to_string(limits_.max_attributes_per_tag) + " attributes");
    }
    if (result_.attributes > limits_.max_attributes) {
      return refuse(ErrorKind::too_large, "more than " + std::to_string(limits_.max_attributes) + " attributes");
    }
    if (++result_.elements > limits_.max_elements) {
      return refuse(ErrorKind::too_large, "more than " + std::to_string(limits_.max_elements) + " elements");
    }
    return Ok{};
  }

  Status refuse(ErrorKind kind, const std::string& what) const {
    std::string message = "HTML page refused before parsing: " + what + " (limit for any real page)";
    if (kind == ErrorKind::layout_changed) return layout_not_recognised(message);
    return make_error(kind, std::move(message));
  }

  Status open_tag(const Tag& tag) {
    if (auto counted = count(tag); !counted) return counted;
    if (!foreign() && one_of(tag.name, kRawText)) {
      raw_text(tag);
      return Ok{};
    }
    if (tag.id && iequals(tag.name, "script")) result_.script_ids_uncertain = true;  // svg/math script
    if (!foreign() && iequals(tag.name, "plaintext")) pos_ = s_.size();
    if (one_of(tag.name, kVoid) || (foreign() && tag.self_closing)) return Ok{};
    while (!stack_.empty() && implicitly_closes(tag.name, stack_.back())) stack_.pop_back();
    stack_.push_back(tag.name);
    if (stack_.size() > result_.max_depth) result_.max_depth = stack_.size();
    if (stack_.size() > limits_.max_depth) {
      return refuse(ErrorKind::layout_changed, "elements nested deeper than " + std::to_string(limits_.max_depth));
    }
    if (!foreign() && (iequals(tag.name, "svg") || iequals(tag.name, "math"))) foreign_depth_ = stack_.size();
    return Ok{};
  }

  void close_tag(const Tag& tag) {
    const std::size_t floor = stack_.size() > kMaxCloseSearch ? stack_.size() - kMaxCloseSearch : 0;
    for (std::size_t i = stack_.size(); i > floor; --i) {
      if (iequals(stack_[i - 1], tag.name)) {
        stack_.resize(i - 1);
        if (stack_.size() < foreign_depth_) foreign_depth_ = 0;
        return;
      }
    }
  }

  // Skips the raw text of a <script>, <style> … and records a script's text.
  void raw_text(const Tag& tag) {
    const std::size_t end = raw_text_end(s_, pos_, tag.name);
    const std::string_view text = s_.substr(pos_, end - pos_);
    if (tag.id && iequals(tag.name, "script")) {
      const bool id_plain = tag.id->find('&') == npos;
      if (!id_plain) result_.script_ids_uncertain = true;
      const bool verbatim = text.find("<!--") == npos && text.find('\r') == npos && text.find('\0') == npos;
      result_.scripts.push_back(ScriptText{*tag.id, text, id_plain && verbatim});
    }
    pos_ = end;
  }

  std::string_view s_;
  const PrescanLimits& limits_;
  std::size_t pos_ = 0;
  std::vector<std::string_view> stack_;
  std::size_t foreign_depth_ = 0;  // stack size at the <svg>/<math> being read; 0 outside
  PrescanResult result_;
};

}  // namespace

const ScriptText* PrescanResult::script(std::string_view id) const noexcept {
  for (const ScriptText& s : scripts) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<PrescanResult> prescan_html(std::string_view html, const PrescanLimits& limits) {
  return Scanner(html, limits).run();
}

}  // namespace scrapers::html
