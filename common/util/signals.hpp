// SIGINT/SIGTERM handling that only sets a flag (async-signal-safe) and wakes sleepers.
//
// install_interrupt_handlers() is called once by each program. interrupted() is polled
// by transfers (curl progress callback), loops and the JobGuard. interruptible_sleep()
// returns early, within milliseconds, when a signal arrives: it polls a self-pipe the
// handler writes to.
#pragma once

#include <chrono>

namespace scrapers {

void install_interrupt_handlers();
bool interrupted();
// The signal number that interrupted the run, or 0.
int interrupting_signal();
// Sleeps for `duration`; returns false if interrupted (before or during the sleep).
bool interruptible_sleep(std::chrono::milliseconds duration);
// For tests: raise the flag as a signal would, or clear it.
void simulate_interrupt(int signal_number);
void reset_interrupt_for_tests();

}  // namespace scrapers
