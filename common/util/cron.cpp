#include "common/util/cron.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace scrapers {
namespace {

using namespace std::chrono;

struct FieldSpec {
  const char* name;
  int min;
  int max;
  const char* const* names;  // 3-letter names for min..., or nullptr
};

constexpr const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",  "JUL",
                                       "AUG", "SEP", "OCT", "NOV", "DEC", nullptr};
constexpr const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", nullptr};

constexpr std::array<FieldSpec, 5> kFields{{{"minute", 0, 59, nullptr},
                                            {"hour", 0, 23, nullptr},
                                            {"day-of-month", 1, 31, nullptr},
                                            {"month", 1, 12, kMonthNames},
                                            {"day-of-week", 0, 7, kDayNames}}};

// Any of the searches looks at most this many days away (Feb 29 may be 8 years apart).
constexpr int kMaxDays = 366 * 9;

struct FieldError {
  std::string why;
};

int parse_value(std::string_view text, const FieldSpec& spec) {
  if (text.empty()) throw FieldError{"empty value"};
  if (std::isdigit(static_cast<unsigned char>(text[0])) != 0) {
    if (text.size() > 2 || !std::all_of(text.begin(), text.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      throw FieldError{"'" + std::string(text) + "' is not a number in " + std::to_string(spec.min) + "-" +
                       std::to_string(spec.max)};
    }
    const int value = std::stoi(std::string(text));
    if (value < spec.min || value > spec.max) {
      throw FieldError{std::to_string(value) + " is outside " + std::to_string(spec.min) + "-" +
                       std::to_string(spec.max)};
    }
    return value;
  }
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (int i = 0; spec.names != nullptr && spec.names[i] != nullptr; ++i) {
    if (upper == spec.names[i]) return i + (spec.names == kMonthNames ? 1 : 0);
  }
  throw FieldError{"unknown value '" + std::string(text.substr(0, 16)) + "'"};
}

std::uint64_t parse_item(std::string_view item, const FieldSpec& spec) {
  std::string_view range = item;
  int step = 1;
  bool stepped = false;
  if (const auto slash = item.find('/'); slash != std::string_view::npos) {
    range = item.substr(0, slash);
    const auto step_text = item.substr(slash + 1);
    if (step_text.empty() || step_text.size() > 2 || !std::all_of(step_text.begin(), step_text.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
      throw FieldError{"bad step '" + std::string(step_text.substr(0, 16)) + "'"};
    }
    step = std::stoi(std::string(step_text));
    if (step < 1) throw FieldError{"the step must be at least 1"};
    stepped = true;
  }
  int low = spec.min, high = spec.max;
  if (range != "*") {
    if (const auto dash = range.find('-'); dash != std::string_view::npos) {
      low = parse_value(range.substr(0, dash), spec);
      high = parse_value(range.substr(dash + 1), spec);
      if (low > high) throw FieldError{"range " + std::string(range) + " runs backwards"};
    } else {
      low = parse_value(range, spec);
      high = stepped ? spec.max : low;
    }
  }
  std::uint64_t bits = 0;
  for (int v = low; v <= high; v += step) bits |= std::uint64_t{1} << v;
  return bits;
}

std::uint64_t parse_field(std::string_view text, const FieldSpec& spec) {
  std::uint64_t bits = 0;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    bits |= parse_item(text.substr(start, comma - start), spec);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return bits;
}

std::vector<std::string_view> split_fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    const std::size_t start = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) ++i;
    if (i > start) fields.push_back(text.substr(start, i - start));
  }
  return fields;
}

constexpr int kDaysInMonth[] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

Error cron_error(std::string_view expression, const std::string& why) {
  return make_error(ErrorKind::invalid_argument,
                    "invalid cron expression '" + std::string(expression.substr(0, 80)) + "': " + why);
}

}  // namespace

Result<CronSchedule> CronSchedule::parse(std::string_view expression) {
  const auto fields = split_fields(expression);
  if (fields.size() != 5) {
    return cron_error(expression, "expected 5 fields (minute hour day-of-month month day-of-week), got " +
                                      std::to_string(fields.size()));
  }
  std::array<std::uint64_t, 5> bits{};
  for (std::size_t i = 0; i < 5; ++i) {
    try {
      bits[i] = parse_field(fields[i], kFields[i]);
    } catch (const FieldError& e) {
      return cron_error(expression, std::string(kFields[i].name) + " field: " + e.why);
    }
  }
  CronSchedule s;
  s.expression_ = std::string(fields[0]);
  for (std::size_t i = 1; i < 5; ++i) s.expression_ += " " + std::string(fields[i]);
  s.minutes_ = std::bitset<60>(bits[0]);
  s.hours_ = std::bitset<24>(bits[1]);
  s.days_of_month_ = std::bitset<32>(bits[2]);
  s.months_ = std::bitset<13>(bits[3]);
  s.days_of_week_ = std::bitset<7>((bits[4] | (bits[4] >> 7)) & 0x7F);  // 7 is Sunday
  s.dom_restricted_ = fields[2][0] != '*';
  s.dow_restricted_ = fields[4][0] != '*';
  bool possible = !s.dom_restricted_ || s.dow_restricted_;
  for (int m = 1; m <= 12 && !possible; ++m) {
    for (int d = 1; d <= kDaysInMonth[m] && s.months_[static_cast<std::size_t>(m)]; ++d) {
      if (s.days_of_month_[static_cast<std::size_t>(d)]) possible = true;
    }
  }
  if (!possible) return cron_error(expression, "no month has such a day, so it never runs");
  return s;
}

bool CronSchedule::day_matches(sys_days day) const {
  const year_month_day ymd{day};
  if (!months_[static_cast<unsigned>(ymd.month())]) return false;
  const bool dom = days_of_month_[static_cast<unsigned>(ymd.day())];
  const bool dow = days_of_week_[weekday{day}.c_encoding()];
  if (dom_restricted_ && dow_restricted_) return dom || dow;
  if (dom_restricted_) return dom;
  if (dow_restricted_) return dow;
  return true;
}

std::optional<int> CronSchedule::last_minute_of_day(int up_to) const {
  for (int m = up_to; m >= 0; --m) {
    if (hours_[static_cast<std::size_t>(m / 60)] && minutes_[static_cast<std::size_t>(m % 60)]) return m;
  }
  return std::nullopt;
}

std::optional<int> CronSchedule::first_minute_of_day(int from) const {
  for (int m = from; m < 24 * 60; ++m) {
    if (hours_[static_cast<std::size_t>(m / 60)] && minutes_[static_cast<std::size_t>(m % 60)]) return m;
  }
  return std::nullopt;
}

bool CronSchedule::matches(TimePoint t) const {
  const auto minute = floor<minutes>(t);
  const auto day = floor<days>(minute);
  const int of_day = static_cast<int>((minute - day).count());
  return day_matches(day) && hours_[static_cast<std::size_t>(of_day / 60)] &&
         minutes_[static_cast<std::size_t>(of_day % 60)];
}

std::optional<CronSchedule::TimePoint> CronSchedule::latest_slot_at_or_before(TimePoint t) const {
  const auto minute = floor<minutes>(t);
  const auto today = floor<days>(minute);
  const int now_of_day = static_cast<int>((minute - today).count());
  for (int i = 0; i <= kMaxDays; ++i) {
    const sys_days day = today - days{i};
    if (!day_matches(day)) continue;
    if (auto m = last_minute_of_day(i == 0 ? now_of_day : 24 * 60 - 1)) {
      return TimePoint(duration_cast<TimePoint::duration>(day.time_since_epoch() + minutes{*m}));
    }
  }
  return std::nullopt;
}

std::optional<CronSchedule::TimePoint> CronSchedule::next_slot_after(TimePoint t) const {
  const auto minute = floor<minutes>(t) + minutes{1};
  const auto first_day = floor<days>(minute);
  const int from_of_day = static_cast<int>((minute - first_day).count());
  for (int i = 0; i <= kMaxDays; ++i) {
    const sys_days day = first_day + days{i};
    if (!day_matches(day)) continue;
    if (auto m = first_minute_of_day(i == 0 ? from_of_day : 0)) {
      return TimePoint(duration_cast<TimePoint::duration>(day.time_since_epoch() + minutes{*m}));
    }
  }
  return std::nullopt;
}

}  // namespace scrapers
