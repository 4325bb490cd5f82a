#include "scrapers/readnovel/time_added.hpp"

#include <gtest/gtest.h>

namespace scrapers::readnovel {
namespace {

using Kind = TimeAdded::Kind;

TEST(TimeAdded, FullMonthNameDateIsReadAsACalendarDate) {
  const TimeAdded t = parse_time_added("March 5 2023");
  EXPECT_EQ(t.kind, Kind::date);
  EXPECT_EQ(t.year, 2023);
  EXPECT_EQ(t.month, 3u);
  EXPECT_EQ(t.day, 5u);
  EXPECT_EQ(t.iso_date(), "2023-03-05");
  EXPECT_EQ(t.text, "March 5 2023");
}

TEST(TimeAdded, AbbreviatedMonthAndCommaAfterTheDayAreAccepted) {
  const TimeAdded t = parse_time_added("  sep 30, 2024 ");
  EXPECT_EQ(t.kind, Kind::date);
  EXPECT_EQ(t.iso_date(), "2024-09-30");
  EXPECT_EQ(t.text, "sep 30, 2024");
}

TEST(TimeAdded, ImpossibleDayIsUnknownButLeapDayIsADate) {
  EXPECT_EQ(parse_time_added("February 30 2023").kind, Kind::unknown);
  EXPECT_EQ(parse_time_added("February 29 2023").kind, Kind::unknown);
  EXPECT_EQ(parse_time_added("February 29 2024").iso_date(), "2024-02-29");
  EXPECT_EQ(parse_time_added("Smarch 5 2023").kind, Kind::unknown);
}

TEST(TimeAdded, NaturaltimeWithNoBreakSpaceIsARelativeAge) {
  const TimeAdded t = parse_time_added("5\u00A0hours ago");
  EXPECT_EQ(t.kind, Kind::relative);
  EXPECT_EQ(t.seconds_ago, 5 * 3600);
  EXPECT_EQ(t.iso_date(), "");
}

TEST(TimeAdded, CompoundNaturaltimeAddsItsParts) {
  const TimeAdded t = parse_time_added("11\u00A0hours, 4\u00A0minutes ago");
  EXPECT_EQ(t.kind, Kind::relative);
  EXPECT_EQ(t.seconds_ago, 11 * 3600 + 4 * 60);
}

TEST(TimeAdded, NowAndArticleFormsAreRelativeAges) {
  EXPECT_EQ(parse_time_added("now").seconds_ago, 0);
  EXPECT_EQ(parse_time_added("now").kind, Kind::relative);
  EXPECT_EQ(parse_time_added("a minute ago").seconds_ago, 60);
  EXPECT_EQ(parse_time_added("an hour ago").seconds_ago, 3600);
  EXPECT_EQ(parse_time_added("a second ago").seconds_ago, 1);
}

TEST(TimeAdded, UnrecognisedTextIsUnknownAndKeptVerbatim) {
  const TimeAdded t = parse_time_added("yesterday-ish");
  EXPECT_EQ(t.kind, Kind::unknown);
  EXPECT_EQ(t.text, "yesterday-ish");
  EXPECT_EQ(parse_time_added("5 fortnights ago").kind, Kind::unknown);
  EXPECT_EQ(parse_time_added("hours ago").kind, Kind::unknown);
  EXPECT_EQ(parse_time_added("").kind, Kind::unknown);
}

}  // namespace
}  // namespace scrapers::readnovel
