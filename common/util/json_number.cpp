#include "common/util/json_number.hpp"

#include <limits>

namespace scrapers {

std::optional<std::int64_t> json_int64(const nlohmann::json& value) noexcept {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

}  // namespace scrapers
