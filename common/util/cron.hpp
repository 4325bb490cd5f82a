// Standard five-field cron expressions, evaluated in UTC.
//
// Fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC),
// day of week (0-7, 0 and 7 are Sunday, or SUN-SAT). Each field is `*`, a number, a
// range `a-b`, a step `*/n`, `a-b/n` or `a/n` (from a to the field's maximum), or a
// comma-separated list of those; names are case-insensitive. When both day of month and
// day of week are restricted, a day matches if either does (as cron does).
// Guarantees: parse() rejects malformed expressions, out-of-range values and
// expressions that can never match (e.g. "0 0 31 2 *") with a one-line invalid_argument
// Error; slots are whole minutes; the slot searches are bounded and never loop forever.
#pragma once

#include <bitset>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers {

class CronSchedule {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  static Result<CronSchedule> parse(std::string_view expression);

  // True when the minute containing `t` is a slot.
  bool matches(TimePoint t) const;
  // The latest slot at or before `t` (the minute containing `t` counts).
  std::optional<TimePoint> latest_slot_at_or_before(TimePoint t) const;
  // The first slot strictly after `t`.
  std::optional<TimePoint> next_slot_after(TimePoint t) const;

  const std::string& expression() const { return expression_; }

 private:
  bool day_matches(std::chrono::sys_days day) const;
  // The last (or first) matching minute of the day within [from, to] minutes of the day.
  std::optional<int> last_minute_of_day(int up_to) const;
  std::optional<int> first_minute_of_day(int from) const;

  std::string expression_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;
  std::bitset<13> months_;
  std::bitset<7> days_of_week_;
  bool dom_restricted_ = false;
  bool dow_restricted_ = false;
};

}  // namespace scrapers
