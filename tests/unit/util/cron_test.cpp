// Five-field cron in UTC: parsing (numbers, *, ranges, lists, steps, names), rejection
// of bad expressions with one line, and the slot searches in both directions.
#include "common/util/cron.hpp"

#include <gtest/gtest.h>

#include <ctime>

namespace scrapers {
namespace {

using TimePoint = CronSchedule::TimePoint;

// "2026-03-01T10:07:30" (UTC) as a time point.
TimePoint at(int y, int mo, int d, int h, int mi, int s = 0) {
  using namespace std::chrono;
  return sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} + hours{h} +
         minutes{mi} + seconds{s};
}

CronSchedule cron(const char* text) {
  auto parsed = CronSchedule::parse(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed ? "" : parsed.error().describe());
  return std::move(parsed).value();
}

TEST(Cron, EveryMinuteMatchesEveryMinute) {
  const auto c = cron("* * * * *");
  EXPECT_TRUE(c.matches(at(2026, 3, 1, 10, 7, 30)));
  EXPECT_EQ(c.latest_slot_at_or_before(at(2026, 3, 1, 10, 7, 30)), at(2026, 3, 1, 10, 7));
  EXPECT_EQ(c.next_slot_after(at(2026, 3, 1, 10, 7, 30)), at(2026, 3, 1, 10, 8));
  EXPECT_EQ(c.next_slot_after(at(2026, 3, 1, 10, 7)), at(2026, 3, 1, 10, 8));
}

TEST(Cron, NumbersRangesListsAndSteps) {
  const auto c = cron("*/15 9-17 * * 1-5");
  EXPECT_TRUE(c.matches(at(2026, 3, 2, 9, 45)));  // Monday
  EXPECT_FALSE(c.matches(at(2026, 3, 2, 9, 46)));
  EXPECT_FALSE(c.matches(at(2026, 3, 2, 18, 0)));
  EXPECT_FALSE(c.matches(at(2026, 3, 1, 10, 0)));  // Sunday
  EXPECT_EQ(c.next_slot_after(at(2026, 3, 2, 17, 45)), at(2026, 3, 3, 9, 0));
  EXPECT_EQ(c.latest_slot_at_or_before(at(2026, 3, 2, 8, 0)), at(2026, 2, 27, 17, 45));  // Friday
  const auto list = cron("5,10-12,50/5 0 1 1 *");
  for (int m : {5, 10, 11, 12, 50, 55}) EXPECT_TRUE(list.matches(at(2027, 1, 1, 0, m))) << m;
  for (int m : {0, 6, 13, 51}) EXPECT_FALSE(list.matches(at(2027, 1, 1, 0, m))) << m;
  EXPECT_TRUE(cron("0 0 * * 1-5/2").matches(at(2026, 3, 4, 0, 0)));  // Wednesday
  EXPECT_FALSE(cron("0 0 * * 1-5/2").matches(at(2026, 3, 3, 0, 0)));
}

TEST(Cron, MonthAndDayNamesAndSundayAsSeven) {
  EXPECT_TRUE(cron("0 12 * jan-Mar SUN").matches(at(2026, 3, 1, 12, 0)));
  EXPECT_FALSE(cron("0 12 * APR-DEC sun").matches(at(2026, 3, 1, 12, 0)));
  EXPECT_TRUE(cron("0 12 * * 7").matches(at(2026, 3, 1, 12, 0)));
  EXPECT_TRUE(cron("0 12 * * 0").matches(at(2026, 3, 1, 12, 0)));
}

TEST(Cron, RestrictedDayOfMonthAndDayOfWeekMatchEither) {
  const auto c = cron("0 0 13 * FRI");
  EXPECT_TRUE(c.matches(at(2026, 3, 13, 0, 0)));  // the 13th (a Friday too)
  EXPECT_TRUE(c.matches(at(2026, 3, 6, 0, 0)));   // a Friday
  EXPECT_TRUE(c.matches(at(2026, 4, 13, 0, 0)));  // the 13th, a Monday
  EXPECT_FALSE(c.matches(at(2026, 4, 14, 0, 0)));
  EXPECT_TRUE(cron("0 0 */2 * *").matches(at(2026, 4, 3, 0, 0)));
}

TEST(Cron, LeapDaysAreFoundYearsAway) {
  const auto c = cron("30 6 29 2 *");
  EXPECT_EQ(c.next_slot_after(at(2024, 3, 1, 0, 0)), at(2028, 2, 29, 6, 30));
  EXPECT_EQ(c.latest_slot_at_or_before(at(2027, 12, 31, 0, 0)), at(2024, 2, 29, 6, 30));
  EXPECT_EQ(c.next_slot_after(at(2096, 3, 1, 0, 0)), at(2104, 2, 29, 6, 30));  // 2100 is not leap
}

TEST(Cron, TheLatestSlotCountsTheCurrentMinuteAndSkipsBacklog) {
  const auto hourly = cron("0 * * * *");
  EXPECT_EQ(hourly.latest_slot_at_or_before(at(2026, 3, 1, 10, 0, 59)), at(2026, 3, 1, 10, 0));
  EXPECT_EQ(hourly.latest_slot_at_or_before(at(2026, 3, 1, 15, 59)), at(2026, 3, 1, 15, 0));
  EXPECT_EQ(hourly.latest_slot_at_or_before(at(2026, 3, 1, 0, 0)), at(2026, 3, 1, 0, 0));
  EXPECT_EQ(cron("59 23 31 12 *").latest_slot_at_or_before(at(2026, 1, 1, 0, 0)), at(2025, 12, 31, 23, 59));
}

TEST(Cron, TheExpressionIsKeptNormalised) { EXPECT_EQ(cron("  0   3 * *  *  ").expression(), "0 3 * * *"); }

TEST(Cron, BadExpressionsAreOneLineInvalidArguments) {
  for (const char* bad :
       {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
        "5-2 * * * *", "*/0 * * * *", "a * * * *", "* * * FOO *", "1,,2 * * * *", "*/x * * * *", "-1 * * * *",
        "0 0 31 2 *", "0 0 30,31 2 *", "1- * * * *", "* * * * MON-"}) {
    auto parsed = CronSchedule::parse(bad);
    ASSERT_FALSE(parsed.ok()) << "'" << bad << "'";
    EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_argument) << bad;
    EXPECT_EQ(parsed.error().describe().find('\n'), std::string::npos) << bad;
    EXPECT_NE(parsed.error().message.find("invalid cron expression"), std::string::npos) << bad;
  }
  EXPECT_NE(CronSchedule::parse("61 * * * *").error().message.find("minute field"), std::string::npos);
  EXPECT_TRUE(CronSchedule::parse("0 0 31 2 MON").ok());  // either day field may match
}

}  // namespace
}  // namespace scrapers
