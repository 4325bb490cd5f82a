// The opensubtitles programs as the registry lists them: opensubtitles-work, bulk-download-subtitles.
#pragma once

#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::opensubtitles {

std::vector<runtime::Program> programs();

}  // namespace scrapers::opensubtitles
