// Retry delays: exponential backoff with equal jitter, as a pure function.
//
// For attempt n (n >= 1, the attempt that just failed) the ceiling is
// min(max, base * 2^(n-1)); the delay is ceiling/2 + jitter * ceiling/2 with `jitter` in
// [0, 1) drawn by the caller (values outside are clamped). So the delay never exceeds
// `max`, is at least half the ceiling (retries never bunch up at zero), and spreads
// workers that failed together over the upper half.
#pragma once

#include <chrono>

namespace scrapers {

std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds max,
                                        double jitter);

}  // namespace scrapers
