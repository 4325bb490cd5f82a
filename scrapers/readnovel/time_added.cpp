#include "scrapers/readnovel/time_added.hpp"

#include <array>
#include <cstdio>
#include <optional>
#include <sstream>
#include <vector>

#include "common/text/ascii.hpp"
#include "common/text/digits.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::readnovel {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

// Lower-cased words of s; U+00A0/U+202F count as spaces, a trailing ',' is cut off.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream stream(text::to_ascii_lower(text::collapse_whitespace(s, true)));
  for (std::string word; stream >> word;) words.push_back(std::move(word));
  return words;
}

std::optional<unsigned> month_number(std::string_view word) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word)) {
      return static_cast<unsigned>(i + 1);
    }
  }
  return std::nullopt;
}

unsigned days_in_month(int year, unsigned month) {
  constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool parse_date(const std::vector<std::string>& words, TimeAdded& out) {
  if (words.size() != 3) return false;
  const auto month = month_number(words[0]);
  std::string_view day_text = words[1];
  if (!day_text.empty() && day_text.back() == ',') day_text.remove_suffix(1);
  if (!month || !text::is_digit_string(day_text, 2) || words[2].size() != 4 ||
      !text::is_digit_string(words[2], 4)) {
    return false;
  }
  const unsigned day = static_cast<unsigned>(text::parse_uint64(day_text).value_or(0));
  const int y = static_cast<int>(text::parse_uint64(words[2]).value_or(0));
  if (day < 1 || day > days_in_month(y, *month)) return false;
  out.kind = TimeAdded::Kind::date;
  out.year = y;
  out.month = *month;
  out.day = day;
  return true;
}

std::optional<std::int64_t> unit_seconds(std::string_view unit) {
  if (!unit.empty() && unit.back() == ',') unit.remove_suffix(1);
  if (unit.size() > 1 && unit.back() == 's') unit.remove_suffix(1);
  if (unit == "second") return 1;
  if (unit == "minute") return 60;
  if (unit == "hour") return 3600;
  if (unit == "day") return 86400;
  if (unit == "week") return 7 * 86400;
  if (unit == "month") return 30 * 86400;
  if (unit == "year") return 365 * 86400;
  return std::nullopt;
}

// "now", "a minute ago", "5 hours ago", "11 hours, 4 minutes ago".
bool parse_relative(const std::vector<std::string>& words, TimeAdded& out) {
  if (words.size() == 1 && words[0] == "now") {
    out.kind = TimeAdded::Kind::relative;
    out.seconds_ago = 0;
    return true;
  }
  if (words.size() < 3 || words.back() != "ago" || words.size() % 2 == 0) return false;
  std::int64_t total = 0;
  for (std::size_t i = 0; i + 1 < words.size(); i += 2) {
    std::int64_t count = 0;
    if (words[i] == "a" || words[i] == "an") {
      count = 1;
    } else if (text::is_digit_string(words[i], 6)) {
      count = static_cast<std::int64_t>(*text::parse_uint64(words[i]));
    } else {
      return false;
    }
    const auto seconds = unit_seconds(words[i + 1]);
    if (!seconds) return false;
    total += count * *seconds;
  }
  out.kind = TimeAdded::Kind::relative;
  out.seconds_ago = total;
  return true;
}

}  // namespace

std::string TimeAdded::iso_date() const {
  if (kind != Kind::date) return {};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

TimeAdded parse_time_added(std::string_view text) {
  TimeAdded out;
  out.text = std::string(text::trim(text));
  out.kind = TimeAdded::Kind::unknown;
  const std::vector<std::string> words = words_of(text);
  if (parse_date(words, out) || parse_relative(words, out)) return out;
  out.kind = TimeAdded::Kind::unknown;
  return out;
}

}  // namespace scrapers::readnovel
