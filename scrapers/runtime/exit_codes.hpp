// The exit statuses every program of the suite uses; no program invents its own.
#pragma once

namespace scrapers::runtime::exit_code {

inline constexpr int ok = 0;             // the run succeeded
inline constexpr int job_failed = 1;     // the run (or reaching the database) failed
inline constexpr int usage = 2;          // bad arguments; no job row written
inline constexpr int interrupted = 130;  // SIGINT/SIGTERM; the job is marked failed

}  // namespace scrapers::runtime::exit_code
