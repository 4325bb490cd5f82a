// The chereads programs as the registry lists them: chereads-work, chereads-segment.
#pragma once

#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::chereads {

std::vector<runtime::Program> programs();

}  // namespace scrapers::chereads
