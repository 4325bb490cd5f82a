// Selector::parse: a small recursive-descent parser for the supported CSS subset.
#include <algorithm>
#include <optional>

#include "common/html/selector.hpp"
#include "common/html/selector_program.hpp"
#include "common/text/ascii.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::html {
namespace {

using detail::AttrOp;
using detail::Combinator;
using detail::Complex;
using detail::Compound;
using detail::PositionTest;
using detail::SelectorList;

constexpr int kMaxNth = 1000000;

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  c = text::ascii_lower(c);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}
bool is_ident_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 7) return std::nullopt;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v <= kMaxNth ? std::optional<int>(v) : std::nullopt;
}

std::optional<int> parse_signed(std::string_view s) {
  int sign = 1;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    sign = s.front() == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  const auto v = parse_int(s);
  return v ? std::optional<int>(sign * *v) : std::nullopt;
}

// "An+B", "odd", "even", "3", "-n+2".
std::optional<PositionTest> parse_nth(std::string_view arg, bool from_end) {
  std::string s;
  for (const char c : arg) {
    if (!text::is_ascii_space(c)) s.push_back(text::ascii_lower(c));
  }
  if (s == "odd") return PositionTest{2, 1, from_end};
  if (s == "even") return PositionTest{2, 0, from_end};
  const std::size_t n = s.find('n');
  if (n == std::string::npos) {
    const auto b = parse_signed(s);
    return b ? std::optional<PositionTest>(PositionTest{0, *b, from_end}) : std::nullopt;
  }
  const std::string_view a_text = std::string_view(s).substr(0, n);
  const std::string_view b_text = std::string_view(s).substr(n + 1);
  std::optional<int> a = a_text.empty() || a_text == "+" ? 1 : a_text == "-" ? -1 : parse_signed(a_text);
  std::optional<int> b = b_text.empty() ? 0 : std::optional<int>();
  if (!b_text.empty() && (b_text.front() == '+' || b_text.front() == '-')) b = parse_signed(b_text);
  if (!a || !b) return std::nullopt;
  return PositionTest{*a, *b, from_end};
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<SelectorList> run() {
    SelectorList list;
    if (!parse_list(list)) return *error_;
    return list;
  }

 private:
  bool at_end() const noexcept { return pos_ >= s_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : s_[pos_]; }

  bool fail(const std::string& what) {
    if (!error_) {
      error_ = make_error(ErrorKind::invalid_argument, "selector '" + std::string(s_) + "' at position " +
                                                           std::to_string(pos_ + 1) + ": " + what);
    }
    return false;
  }
  std::string here() const { return at_end() ? std::string("end of input") : "'" + std::string(1, peek()) + "'"; }

  bool skip_ws() {
    const std::size_t start = pos_;
    while (!at_end() && text::is_ascii_space(peek())) ++pos_;
    return pos_ > start;
  }

  bool parse_list(SelectorList& list) {
    skip_ws();
    if (at_end()) return fail("empty selector");
    while (true) {
      Complex complex;
      if (!parse_complex(complex)) return false;
      list.alternatives.push_back(std::move(complex));
      skip_ws();
      if (at_end()) return true;
      if (peek() != ',') return fail("unexpected " + here());
      ++pos_;
      skip_ws();
      if (at_end()) return fail("expected a selector after ','");
    }
  }

  bool parse_complex(Complex& complex) {
    complex.compounds.emplace_back();
    if (!parse_compound(complex.compounds.back())) return false;
    while (true) {
      const bool spaced = skip_ws();
      if (at_end() || peek() == ',') return true;
      Combinator combinator = Combinator::descendant;
      if (peek() == '>') {
        ++pos_;
        skip_ws();
        combinator = Combinator::child;
      } else if (peek() == '+' || peek() == '~') {
        return fail("sibling combinator " + here() + " is not supported");
      } else if (!spaced) {
        return fail("unexpected " + here());
      }
      complex.combinators.push_back(combinator);
      complex.compounds.emplace_back();
      if (!parse_compound(complex.compounds.back())) return false;
    }
  }

  bool parse_type(Compound& c) {
    if (peek() == '*') {
      ++pos_;
      return peek() == '|' ? fail("namespaces are not supported") : true;
    }
    if (!is_ident_char(peek()) && peek() != '\\') return true;
    std::string name;
    if (!parse_ident(name)) return false;
    if (peek() == '|') return fail("namespaces are not supported");
    c.tag_name = text::to_ascii_lower(name);
    c.any_tag = false;
    c.tag = gumbo_tagn_enum(c.tag_name.c_str(), static_cast<unsigned int>(c.tag_name.size()));
    return true;
  }

  bool parse_compound(Compound& c) {
    const std::size_t start = pos_;
    if (!parse_type(c)) return false;
    while (!at_end()) {
      const char ch = peek();
      bool ok = true;
      if (ch == '#' || ch == '.') {
        ++pos_;
        std::string name;
        if (!parse_ident(name)) return false;
        if (name.empty()) return fail(std::string("expected a name after '") + ch + "'");
        if (ch == '#') c.id = std::move(name);
        else c.classes.push_back(std::move(name));
      } else if (ch == '[') {
        ok = parse_attribute(c);
      } else if (ch == ':') {
        ok = parse_pseudo(c);
      } else {
        break;
      }
      if (!ok) return false;
    }
    if (pos_ == start) return fail("expected a selector, found " + here());
    return true;
  }

  // Reads a CSS escape after '\' into out.
  bool parse_escape(std::string& out) {
    ++pos_;  // the backslash
    if (at_end() || peek() == '\n') return fail("incomplete escape");
    if (hex_value(peek()) < 0) {
      out.push_back(s_[pos_++]);
      return true;
    }
    char32_t cp = 0;
    for (int i = 0; i < 6 && !at_end() && hex_value(peek()) >= 0; ++i) {
      cp = cp * 16 + static_cast<char32_t>(hex_value(s_[pos_++]));
    }
    if (!at_end() && text::is_ascii_space(peek())) ++pos_;
    text::append_utf8(out, cp == 0 ? text::kReplacementCharacter : cp);
    return true;
  }

  bool parse_ident(std::string& out) {
    while (!at_end()) {
      if (peek() == '\\') {
        if (!parse_escape(out)) return false;
      } else if (is_ident_char(peek())) {
        out.push_back(s_[pos_++]);
      } else {
        break;
      }
    }
    return true;
  }

  bool parse_string(std::string& out) {
    const char quote = s_[pos_++];
    while (!at_end() && peek() != quote) {
      if (peek() == '\\') {
        if (!parse_escape(out)) return false;
      } else {
        out.push_back(s_[pos_++]);
      }
    }
    if (at_end()) return fail("unterminated string");
    ++pos_;
    return true;
  }

  bool parse_operator(AttrOp& op) {
    static constexpr std::pair<char, AttrOp> kOps[] = {{'^', AttrOp::prefix},
                                                       {'$', AttrOp::suffix},
                                                       {'*', AttrOp::contains},
                                                       {'~', AttrOp::word},
                                                       {'|', AttrOp::dash}};
    if (peek() == '=') {
      ++pos_;
      op = AttrOp::equals;
      return true;
    }
    for (const auto& [ch, value] : kOps) {
      if (peek() == ch && pos_ + 1 < s_.size() && s_[pos_ + 1] == '=') {
        pos_ += 2;
        op = value;
        return true;
      }
    }
    return fail("unsupported attribute operator " + here());
  }

  bool parse_attribute(Compound& c) {
    ++pos_;  // '['
    skip_ws();
    detail::AttrTest test;
    if (!parse_ident(test.name)) return false;
    if (test.name.empty()) return fail("expected an attribute name");
    test.name = text::to_ascii_lower(test.name);
    skip_ws();
    if (!at_end() && peek() != ']') {
      if (!parse_operator(test.op)) return false;
      skip_ws();
      const bool quoted = peek() == '"' || peek() == '\'';
      if (!(quoted ? parse_string(test.value) : parse_ident(test.value))) return false;
      if (!quoted && test.value.empty()) return fail("expected an attribute value");
      skip_ws();
      if (is_ident_char(peek())) return fail("attribute flags are not supported");
    }
    if (peek() != ']') return fail("expected ']', found " + here());
    ++pos_;
    c.attrs.push_back(std::move(test));
    return true;
  }

  bool parse_pseudo(Compound& c) {
    ++pos_;  // ':'
    if (peek() == ':') return fail("pseudo-elements are not supported");
    const std::size_t name_at = pos_;
    std::string name;
    if (!parse_ident(name)) return false;
    name = text::to_ascii_lower(name);
    if (name == "first-child" || name == "only-child") c.positions.push_back({0, 1, false});
    if (name == "last-child" || name == "only-child") c.positions.push_back({0, 1, true});
    if (name == "first-child" || name == "last-child" || name == "only-child") return true;
    if (name != "nth-child" && name != "nth-last-child") {
      pos_ = name_at;
      return fail("unsupported pseudo-class ':" + name + "'");
    }
    if (peek() != '(') return fail("expected '(' after :" + name);
    const std::size_t close = s_.find(')', pos_);
    if (close == std::string_view::npos) return fail("missing ')'");
    const auto test = parse_nth(s_.substr(pos_ + 1, close - pos_ - 1), name == "nth-last-child");
    if (!test) return fail("malformed :" + name + " argument");
    c.positions.push_back(*test);
    pos_ = close + 1;
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::optional<Error> error_;
};

}  // namespace

Result<Selector> Selector::parse(std::string_view text) {
  auto list = Parser(text).run();
  if (!list) return list.error();
  return Selector(std::string(text), std::make_shared<const SelectorList>(std::move(list).value()));
}

}  // namespace scrapers::html
