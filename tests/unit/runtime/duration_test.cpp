#include "scrapers/runtime/duration.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

using namespace std::chrono_literals;

TEST(Duration, UnitsSecondsMinutesHoursAndMillisecondsAreUnderstood) {
  EXPECT_EQ(parse_duration("90").value(), 90s);
  EXPECT_EQ(parse_duration("15s").value(), 15s);
  EXPECT_EQ(parse_duration("5m").value(), 5min);
  EXPECT_EQ(parse_duration("2h").value(), 2h);
  EXPECT_EQ(parse_duration("250ms").value(), 250ms);
  EXPECT_EQ(parse_duration("0").value(), 0ms);
}

TEST(Duration, MalformedTextIsAnInvalidArgumentQuotingIt) {
  for (const char* bad : {"", "m", "5x", "-5m", "1.5h", "5 m", "5mm", "+5", "99999999999999999999h"}) {
    auto parsed = parse_duration(bad);
    ASSERT_FALSE(parsed.ok()) << "'" << bad << "'";
    EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(parsed.error().message.find(std::string("'") + bad), std::string::npos);
  }
}

}  // namespace
}  // namespace scrapers::runtime
