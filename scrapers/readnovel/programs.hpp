// The readnovel programs as the registry lists them: readnovel-api, readnovel-segment.
#pragma once

#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::readnovel {

std::vector<runtime::Program> programs();

}  // namespace scrapers::readnovel
