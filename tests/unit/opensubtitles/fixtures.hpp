// Reading fixtures/opensubtitles/ files in the parser tests.
#pragma once

#include <string>
#include <string_view>

namespace scrapers::opensubtitles::testing {

// The bytes of fixtures/opensubtitles/<relative>; throws std::runtime_error when unreadable.
std::string read_fixture(std::string_view relative);

}  // namespace scrapers::opensubtitles::testing
