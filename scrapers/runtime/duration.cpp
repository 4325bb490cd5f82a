#include "scrapers/runtime/duration.hpp"

#include <charconv>
#include <limits>
#include <string>

#include "common/util/env.hpp"
#include "common/util/log.hpp"

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

std::chrono::milliseconds duration_from_env(const char* name, std::chrono::milliseconds fallback,
                                            bool allow_zero) {
  auto text = env::get(name);
  if (!text) return fallback;
  auto parsed = parse_duration(*text);
  if (!parsed || (!allow_zero && parsed->count() == 0)) {
    log::warn(std::string("ignoring ") + name + "='" + text->substr(0, 64) + "': expected e.g. 15s or 500ms");
    return fallback;
  }
  return *parsed;
}

}  // namespace scrapers::runtime
