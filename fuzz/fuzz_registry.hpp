// The targets registered in this executable (the replay test's view of fuzz_target.hpp).
#pragma once

#include <map>
#include <string>

#include "fuzz/fuzz_target.hpp"

namespace scrapers::fuzz {

std::map<std::string, TargetFunction>& registered_targets();

}  // namespace scrapers::fuzz
