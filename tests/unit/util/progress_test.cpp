#include "common/util/progress.hpp"

#include <gtest/gtest.h>

namespace scrapers {
namespace {

using std::chrono::milliseconds;

TEST(Progress, BarFillsInProportionAndShowsCounts) {
  EXPECT_EQ(format_progress("segments", 0, 10, milliseconds(0), 10), "[          ] 0/10 segments");
  EXPECT_EQ(format_progress("segments", 5, 10, milliseconds(0), 10), "[#####     ] 5/10 segments");
}

TEST(Progress, RateAndEtaFollowFromElapsedTime) {
  // 4 done in 2 s → 2.0/s, 6 left → ETA 3 s.
  EXPECT_EQ(format_progress("ch", 4, 10, milliseconds(2000), 4), "[#   ] 4/10 ch  2.0/s  ETA 3s");
  // Finished runs show the rate but no ETA.
  EXPECT_EQ(format_progress("ch", 10, 10, milliseconds(5000), 4), "[####] 10/10 ch  2.0/s");
}

TEST(Progress, DurationsAreCompact) {
  EXPECT_EQ(format_duration(std::chrono::seconds(45)), "45s");
  EXPECT_EQ(format_duration(std::chrono::seconds(200)), "3m20s");
  EXPECT_EQ(format_duration(std::chrono::seconds(3720)), "1h02m");
}

}  // namespace
}  // namespace scrapers
