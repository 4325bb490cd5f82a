// The registry: every program of the suite, in one list — the six scrapers and
// pipeline-jobs' try-run. Executables look themselves up here (each main() is one
// line), the queue checks a job's arguments with the program's own parser and starts
// the program by its `command`. Names are unique; the list never changes at run time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::registry {

const std::vector<runtime::Program>& all_programs();

// The program called `name`, or nullptr.
const runtime::Program* find_program(std::string_view name);

// "readnovel-api, readnovel-segment, …, try-run", for messages.
std::string program_names();

// main() of the executable for `name`: runtime::program_main() of that program.
int main_of(std::string_view name, int argc, const char* const* argv);

namespace detail {
std::vector<std::vector<runtime::Program>> program_lists();  // generated from CMake's folder list
}

}  // namespace scrapers::registry
