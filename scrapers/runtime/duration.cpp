#include "scrapers/runtime/duration.hpp"

#include <charconv>
#include <limits>
#include <string>

namespace scrapers::runtime {

Result<std::chrono::milliseconds> parse_duration(std::string_view text) {
  const auto invalid = [&] {
    return make_error(ErrorKind::invalid_argument, "invalid duration '" + std::string(text.substr(0, 32)) +
                                                       "' (expected e.g. 30s, 5m, 2h, 500ms)");
  };
  long long value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [rest, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || rest == begin || value < 0) return invalid();
  const std::string_view unit(rest, static_cast<std::size_t>(end - rest));
  long long factor = 0;
  if (unit.empty() || unit == "s") factor = 1000;
  else if (unit == "ms") factor = 1;
  else if (unit == "m") factor = 60'000;
  else if (unit == "h") factor = 3'600'000;
  else return invalid();
  if (value > std::numeric_limits<long long>::max() / factor) return invalid();
  return std::chrono::milliseconds(value * factor);
}

}  // namespace scrapers::runtime
