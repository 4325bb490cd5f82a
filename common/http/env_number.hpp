// Integer settings from the environment, validated (internal to the HTTP layer).
//
// env_integer() returns nullopt when the variable is unset or empty, the value when
// it is a decimal integer within [min, max], and invalid_argument naming the
// variable otherwise: a typo in a setting fails loudly instead of being ignored.
#pragma once

#include <optional>

#include "common/util/error.hpp"

namespace scrapers::http {

Result<std::optional<long long>> env_integer(const char* name, long long min, long long max);

}  // namespace scrapers::http
