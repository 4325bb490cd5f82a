// try-run as the registry lists it (started as `pipeline-jobs try-run`).
#pragma once

#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::try_run {

std::vector<runtime::Program> programs();

}  // namespace scrapers::try_run
