// Reading fixtures/readnovel/ files in the readnovel unit tests.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace scrapers::readnovel::test_fixtures {

inline std::string fixture_dir() { return std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/readnovel"; }

// The bytes of fixtures/readnovel/<name>; throws when the file is missing.
inline std::string read_fixture(const std::string& name) {
  std::ifstream in(fixture_dir() + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline constexpr const char* kApi = "https://wuxiaworld.eu/api";
inline constexpr const char* kSite = "https://readnovel.eu";

}  // namespace scrapers::readnovel::test_fixtures
