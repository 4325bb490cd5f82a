#include "scrapers/admin/timestamp.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace scrapers::admin {
namespace {

// Reads exactly `digits` decimal digits at `at`, advancing it.
std::optional<int> number(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[at + i];
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  at += digits;
  return value;
}

bool take(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

// The zone suffix at `at` as an offset east of UTC in minutes (0 for none or 'Z').
std::optional<int> zone_offset(std::string_view text, std::size_t at) {
  if (at == text.size()) return 0;
  if ((text[at] == 'Z' || text[at] == 'z') && at + 1 == text.size()) return 0;
  if (text[at] != '+' && text[at] != '-') return std::nullopt;
  const int sign = text[at++] == '-' ? -1 : 1;
  const auto hours = number(text, at, 2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (at < text.size()) {
    take(text, at, ':');
    const auto m = number(text, at, 2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  }
  if (at != text.size()) return std::nullopt;
  return sign * (*hours * 60 + minutes);
}

}  // namespace

Result<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text) {
  const auto invalid = [&] {
    return make_error(ErrorKind::invalid_argument,
                      "invalid timestamp '" + std::string(text.substr(0, 40)) +
                          "' (expected e.g. 2026-12-24T18:00:00Z, 2026-12-24 18:00 or 2026-12-24T19:00+01:00)");
  };
  std::size_t at = 0;
  const auto year = number(text, at, 4);
  const bool dash1 = take(text, at, '-');
  const auto month = number(text, at, 2);
  const bool dash2 = take(text, at, '-');
  const auto day = number(text, at, 2);
  const bool separator = take(text, at, 'T') || take(text, at, 't') || take(text, at, ' ');
  const auto hour = number(text, at, 2);
  const bool colon = take(text, at, ':');
  const auto minute = number(text, at, 2);
  if (!year || !dash1 || !month || !dash2 || !day || !separator || !hour || !colon || !minute) return invalid();
  int second = 0;
  if (take(text, at, ':')) {
    const auto s = number(text, at, 2);
    if (!s) return invalid();
    second = *s;
    if (take(text, at, '.') || take(text, at, ',')) {
      const std::size_t digits_from = at;
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0) ++at;
      if (at == digits_from) return invalid();  // fractions are accepted, not kept
    }
  }
  const auto offset = zone_offset(text, at);
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!offset || !date.ok() || *hour > 23 || *minute > 59 || second > 59) return invalid();
  return std::chrono::system_clock::time_point{std::chrono::sys_days{date} + std::chrono::hours{*hour} +
                                               std::chrono::minutes{*minute - *offset} +
                                               std::chrono::seconds{second}};
}

}  // namespace scrapers::admin
