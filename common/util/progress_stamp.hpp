// A process-wide "last progress" stamp that proves the main thread is moving.
//
// The work of a run bumps it where it moves forward: each HTTP transfer callback,
// each item of a batch, each page parsed. A deliberate wait (a retry back-off, a
// pacing slot, a rate-limit pause) holds a WaitScope and counts as progress for as
// long as it lasts. JobGuard's heartbeat reads since_last_progress() and stops
// refreshing the job once it exceeds the stall bound, so a hung parse or transfer
// lets the job go stale and be reaped. Lock-free and async-signal-safe to bump; one
// relaxed atomic store per call, cheap enough for a per-chunk callback.
#pragma once

#include <chrono>

namespace scrapers {

// Records that the process made progress now.
void note_progress() noexcept;

// How long ago progress was last noted (or a wait ended); zero while a wait is in hand.
std::chrono::milliseconds since_last_progress() noexcept;

// Marks a deliberate wait: progress is "now" until the scope ends, and noted again then.
class WaitScope {
 public:
  WaitScope() noexcept;
  ~WaitScope();
  WaitScope(const WaitScope&) = delete;
  WaitScope& operator=(const WaitScope&) = delete;
};

}  // namespace scrapers
