// The worker's own signal handling (one process, one loop). Handlers only count and
// wake: SIGTERM/SIGINT/SIGHUP add a stop request, SIGCHLD (a child ended) and both stop
// signals write to a self-pipe that wait_for_event() polls, so the loop sleeps until the
// next poll tick or wakes within milliseconds of either. SIGPIPE is ignored (logs to a
// closed stderr must not kill the worker); children get default dispositions back
// (child_process.hpp). Handlers restart interrupted system calls (SA_RESTART).
#pragma once

#include <chrono>

namespace scrapers::worker {

void install_worker_signals();
// SIGTERM/SIGINT received since install_worker_signals().
int stop_requests();
// Returns after `timeout`, or earlier once a signal arrived (the wake-ups are drained).
void wait_for_event(std::chrono::milliseconds timeout);

}  // namespace scrapers::worker
