#include "common/util/uuid.hpp"

#include <cctype>

namespace scrapers {

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = (i == 8 || i == 13 || i == 18 || i == 23);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (dash_position ? c != '-' : std::isxdigit(c) == 0) return false;
  }
  return true;
}

}  // namespace scrapers
