#include "common/http/env_number.hpp"

#include <charconv>
#include <string>

#include "common/util/env.hpp"

namespace scrapers::http {

Result<std::optional<long long>> env_integer(const char* name, long long min, long long max) {
  const auto text = env::get(name);
  if (!text) return std::optional<long long>{};
  long long value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || value < min || value > max) {
    return make_error(ErrorKind::invalid_argument, std::string(name) + " must be an integer between " +
                                                       std::to_string(min) + " and " + std::to_string(max) +
                                                       ", got '" + *text + "'");
  }
  return std::optional<long long>{value};
}

}  // namespace scrapers::http
