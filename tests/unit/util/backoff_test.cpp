// Exponential backoff with equal jitter: doubling per attempt, capped, never below half
// the ceiling, pure in its jitter input.
#include "common/util/backoff.hpp"

#include <gtest/gtest.h>

namespace scrapers {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, DoublesPerAttemptWithinTheUpperHalfOfTheCeiling) {
  const milliseconds base{30'000}, max{3'600'000};
  EXPECT_EQ(backoff_delay(1, base, max, 0.0), milliseconds{15'000});
  EXPECT_EQ(backoff_delay(1, base, max, 0.5), milliseconds{22'500});
  EXPECT_EQ(backoff_delay(2, base, max, 0.0), milliseconds{30'000});
  EXPECT_EQ(backoff_delay(3, base, max, 0.0), milliseconds{60'000});
  EXPECT_EQ(backoff_delay(3, base, max, 0.999999), milliseconds{119'999});
}

TEST(Backoff, IsCappedAtTheMaximumForLargeAttempts) {
  const milliseconds base{30'000}, max{3'600'000};
  EXPECT_EQ(backoff_delay(8, base, max, 0.0), milliseconds{1'800'000});
  EXPECT_EQ(backoff_delay(1000, base, max, 1.0), max);
  EXPECT_EQ(backoff_delay(1000, base, max, 7.0), max);  // jitter clamped
}

TEST(Backoff, DegenerateInputsGiveNoDelayOrTheBase) {
  EXPECT_EQ(backoff_delay(3, milliseconds{0}, milliseconds{1000}, 0.5), milliseconds{0});
  EXPECT_EQ(backoff_delay(0, milliseconds{1000}, milliseconds{5000}, -1.0), milliseconds{500});
  EXPECT_EQ(backoff_delay(1, milliseconds{10'000}, milliseconds{4000}, 1.0), milliseconds{4000});
}

}  // namespace
}  // namespace scrapers
