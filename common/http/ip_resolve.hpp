// Which address family connections use: HTTP_IP_RESOLVE=v4|v6|any (default any).
//
// v4 connects over IPv4 only and v6 over IPv6 only, whatever else DNS returns (the
// original worker forced IPv4 first for networks with broken IPv6); any lets libcurl
// try both (happy eyeballs). Another value is invalid_argument with one line naming
// the variable and the accepted values.
#pragma once

#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::http {

inline constexpr const char* kIpResolveVariable = "HTTP_IP_RESOLVE";

enum class IpResolve { any, v4, v6 };

std::string_view to_string(IpResolve resolve);

// The value of `text` ("v4", "v6", "any"; ASCII case ignored), or invalid_argument.
Result<IpResolve> parse_ip_resolve(std::string_view text);

// HTTP_IP_RESOLVE, or IpResolve::any when unset or empty.
Result<IpResolve> ip_resolve_from_env();

}  // namespace scrapers::http
