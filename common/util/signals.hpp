// SIGINT/SIGTERM handling that only sets a flag (async-signal-safe) and wakes sleepers.
//
// install_interrupt_handlers() is called once by each program. interrupted() is polled
// by transfers (curl progress callback), loops and the JobGuard. interruptible_sleep()
// returns early, within milliseconds, when a signal arrives: it polls a self-pipe the
// handler writes to. raise_cancel() raises the same flag from inside the process (a
// queued job's cancel seen by its heartbeat or progress write), so every loop that
// stops on a signal stops on a cancel too; cancel_raised() tells the two apart.
#pragma once

#include <chrono>

namespace scrapers {

void install_interrupt_handlers();
bool interrupted();
// The signal number that interrupted the run, or 0.
int interrupting_signal();
// Sleeps for `duration`; returns false if interrupted (before or during the sleep).
bool interruptible_sleep(std::chrono::milliseconds duration);
// Raises the interrupt flag for a requested cancel (thread-safe; wakes sleepers).
void raise_cancel();
// True once raise_cancel() was called.
bool cancel_raised();
// For tests: raise the flag as a signal would, or clear it.
void simulate_interrupt(int signal_number);
void reset_interrupt_for_tests();

}  // namespace scrapers
