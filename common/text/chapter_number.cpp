#include "common/text/chapter_number.hpp"

#include <array>

#include "common/text/ascii.hpp"
#include "common/text/digits.hpp"

namespace scrapers::text {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string quoted_prefix(std::string_view s) {
  constexpr std::size_t kShown = 60;
  std::string out = "'";
  out.append(s.substr(0, kShown));
  if (s.size() > kShown) out += "...";
  out += "'";
  return out;
}

// Length of "<digits>[.<digits>]" at s[pos] (s[pos] is a digit).
std::size_t number_length(std::string_view s, std::size_t pos) noexcept {
  std::size_t i = pos;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  return i - pos;
}

bool keyword_at(std::string_view s, std::size_t pos, std::string_view keyword) noexcept {
  if (pos > 0 && is_alpha(s[pos - 1])) return false;
  if (s.size() - pos < keyword.size()) return false;
  for (std::size_t k = 0; k < keyword.size(); ++k) {
    if (ascii_lower(s[pos + k]) != keyword[k]) return false;
  }
  return true;
}

// Position of the number that follows a chapter keyword, or npos.
std::size_t number_after_keyword(std::string_view s) noexcept {
  static constexpr std::array<std::string_view, 5> kKeywords{"chapter", "chap", "episode", "ch", "ep"};
  for (std::size_t pos = 0; pos < s.size(); ++pos) {
    for (const std::string_view kw : kKeywords) {
      if (!keyword_at(s, pos, kw)) continue;
      std::size_t i = pos + kw.size();
      if (i < s.size() && is_alpha(s[i])) continue;  // "chapters", "check"
      std::size_t skipped = 0;
      while (i < s.size() && skipped < 3 && (s[i] == ' ' || s[i] == '.' || s[i] == '#' || s[i] == ':')) {
        ++i;
        ++skipped;
      }
      if (i < s.size() && is_digit(s[i])) return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Result<ChapterNumber> ChapterNumber::parse(std::string_view text) {
  const auto fail = [&](std::string_view why) {
    return make_error(ErrorKind::parse,
                      "not a chapter number: " + quoted_prefix(text) + " (" + std::string(why) + ")");
  };
  if (text.empty()) return fail("empty");
  if (text.size() > kMaxLength) return fail("too long");
  const std::size_t dot = text.find('.');
  const std::string_view integer = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!is_digit_string(integer, kMaxLength)) return fail("expected digits before any '.'");
  if (dot != std::string_view::npos && !is_digit_string(fraction, kMaxLength)) {
    return fail("expected digits after '.'");
  }
  std::string normalized(strip_leading_zeros(integer));
  std::string_view frac = fraction;
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (!frac.empty()) {
    normalized += '.';
    normalized += frac;
  }
  return ChapterNumber(std::move(normalized));
}

ChapterNumber ChapterNumber::from_integer(std::uint64_t value) { return ChapterNumber(std::to_string(value)); }

std::string_view ChapterNumber::integer_part() const noexcept {
  const std::string_view s = text_;
  return s.substr(0, s.find('.'));
}

std::string_view ChapterNumber::fraction_part() const noexcept {
  const std::string_view s = text_;
  const std::size_t dot = s.find('.');
  return dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
}

std::strong_ordering operator<=>(const ChapterNumber& a, const ChapterNumber& b) noexcept {
  const std::strong_ordering whole = compare_digit_strings(a.integer_part(), b.integer_part());
  if (whole != std::strong_ordering::equal) return whole;
  // Normalised fractions have no trailing zeros, so byte order is numeric order.
  return a.fraction_part().compare(b.fraction_part()) <=> 0;
}

Result<ChapterNumber> parse_chapter_number(std::string_view title) {
  std::size_t start = number_after_keyword(title);
  if (start == std::string_view::npos) {
    start = 0;
    while (start < title.size() && !is_digit(title[start])) ++start;
  }
  if (start >= title.size()) {
    return make_error(ErrorKind::parse, "no chapter number in " + quoted_prefix(title));
  }
  return ChapterNumber::parse(title.substr(start, number_length(title, start)));
}

}  // namespace scrapers::text
