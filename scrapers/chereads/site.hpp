// Where chereads-work and chereads-segment find chereads.com: CHEREADS_BASE, else
// https://www.chereads.com, so tests can point both at a local server.
//
// from_env() guarantees an absolute http(s) URL without a trailing '/'; a bad value
// is invalid_argument naming the variable.
#pragma once

#include <string>

#include "common/util/error.hpp"

namespace scrapers::chereads {

inline constexpr const char* kBaseVariable = "CHEREADS_BASE";
inline constexpr const char* kDefaultBase = "https://www.chereads.com";

struct SiteUrls {
  std::string base = kDefaultBase;

  static Result<SiteUrls> from_env();
};

}  // namespace scrapers::chereads
