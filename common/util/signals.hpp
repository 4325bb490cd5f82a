// SIGINT/SIGTERM/SIGHUP handling that only sets a flag (async-signal-safe) and wakes
// sleepers; the handler leaves errno as it found it.
//
// install_interrupt_handlers() is called once by each program. It also ignores SIGPIPE,
// so a closed stdout or stderr (`program 2>&1 | head`) fails writes with EPIPE instead
// of killing the run with its job `running`. A SIGINT arriving after any of the three
// signals (a second Ctrl-C) ends the process at once with kExitAtOnce (130), without
// ending its job row: writing it is not possible from a signal handler, so the row
// stays `running` until a reap (its heartbeat stops with the process). interrupted() is polled
// by transfers (curl progress callback), loops and the JobGuard. interruptible_sleep()
// returns early, within milliseconds, when a signal arrives: it polls a self-pipe the
// handler writes to. raise_cancel() raises the same flag from inside the process (a
// queued job's cancel seen by its heartbeat or progress write), so every loop that
// stops on a signal stops on a cancel too; cancel_raised() tells the two apart.
#pragma once

#include <chrono>

namespace scrapers {

// The exit status of a second SIGINT (128 + SIGINT, as a shell reports it).
inline constexpr int kExitAtOnce = 130;

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
// For tests: raise the flag as a signal would (never exits), or clear it.
void simulate_interrupt(int signal_number);
void reset_interrupt_for_tests();

}  // namespace scrapers
