// Starting a job's program as a child of the worker, without a shell.
//
// resolve_executable() finds a command's executable: a name with a '/' as given, else
// the file of that name next to the worker's own executable, else the first match on
// PATH. spawn_child() forks and execs it with the worker's environment plus `extra`
// (replacing variables of the same name), stdin from /dev/null, stdout/stderr shared
// with the worker, every signal disposition reset to the default and an empty signal
// mask. The child is killed (SIGKILL) if the worker dies, so a dead worker's jobs stop
// heartbeating and are rescued by the other workers rather than finishing unsupervised.
// A program that cannot be started is an Error (io) "cannot start <path>: <reason>",
// reported by the parent (the exec failure travels back on a close-on-exec pipe).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::worker {

using EnvVars = std::vector<std::pair<std::string, std::string>>;

// The directory holding the running executable (/proc/self/exe), or "" if unknown.
std::string own_directory();

std::optional<std::string> resolve_executable(const std::string& name, const std::string& own_dir);

// argv[0] is the path to execute. Returns the child's pid.
Result<pid_t> spawn_child(const std::vector<std::string>& argv, const EnvVars& extra);

}  // namespace scrapers::worker
