#include "scrapers/admin/timestamp.hpp"

#include <gtest/gtest.h>

namespace scrapers::admin {
namespace {

using namespace std::chrono;

system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}

TEST(Timestamp, IsoAndSpaceSeparatedFormsWithoutAZoneAreUtc) {
  EXPECT_EQ(*parse_timestamp("2026-12-24T18:30:05Z"), utc(2026, 12, 24, 18, 30, 5));
  EXPECT_EQ(*parse_timestamp("2026-12-24T18:30:05"), utc(2026, 12, 24, 18, 30, 5));
  EXPECT_EQ(*parse_timestamp("2026-12-24 18:30"), utc(2026, 12, 24, 18, 30));
  EXPECT_EQ(*parse_timestamp("2026-12-24 18:30:59.250z"), utc(2026, 12, 24, 18, 30, 59));
}

TEST(Timestamp, OffsetsMoveTheTimeToUtc) {
  EXPECT_EQ(*parse_timestamp("2026-12-24T19:30+01:00"), utc(2026, 12, 24, 18, 30));
  EXPECT_EQ(*parse_timestamp("2026-12-24T19:30:00+0100"), utc(2026, 12, 24, 18, 30));
  EXPECT_EQ(*parse_timestamp("2026-12-24T13:00-05"), utc(2026, 12, 24, 18, 0));
  EXPECT_EQ(*parse_timestamp("2027-01-01 00:15+05:30"), utc(2026, 12, 31, 18, 45));
}

TEST(Timestamp, MalformedOrOutOfRangeTextIsAnInvalidArgumentQuotingIt) {
  for (const char* bad :
       {"", "tomorrow", "2026-12-24", "2026-12-24T18", "2026-13-01T00:00", "2026-02-30T10:00", "2026-12-24T24:00",
        "2026-12-24T18:60", "2026-12-24T18:00:61", "2026-12-24T18:00Q", "2026-12-24T18:00+25:00",
        "2026-12-24T18:00:00.", "26-12-24T18:00", "2026-12-24T18:00 "}) {
    auto parsed = parse_timestamp(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_argument) << bad;
    EXPECT_NE(parsed.error().message.find(std::string("'") + bad + "'"), std::string::npos)
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace scrapers::admin
