#include "tests/unit/opensubtitles/fixtures.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace scrapers::opensubtitles::testing {

std::string read_fixture(std::string_view relative) {
  const std::string path = std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/opensubtitles/" + std::string(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace scrapers::opensubtitles::testing
