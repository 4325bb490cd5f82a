// Where chereads-work and chereads-segment find chereads.com: CHEREADS_BASE, else
// https://www.chereads.com, so tests can point both at a local server. With the
// production base, URLs on any of its hosts are the site's (chereads.com,
// www.chereads.com and the sister cherreads.com, www.cherreads.com: the site serves
// under both names), without setting CHEREADS_BASE; a book's requests go to the host
// its URL names, and stored URLs keep the host they were given with.
//
// from_env() guarantees an absolute http(s) URL without a trailing '/'; a bad value
// is invalid_argument naming the variable.
#pragma once

#include <string>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::chereads {

inline constexpr const char* kBaseVariable = "CHEREADS_BASE";
inline constexpr const char* kDefaultBase = "https://www.chereads.com";

struct SiteUrls {
  std::string base = kDefaultBase;

  static Result<SiteUrls> from_env();

  // The hosts requests may go to: the base's host, and with the production base its
  // twins (for pausing jobs by `sources` row).
  std::vector<std::string> hosts() const;
};

}  // namespace scrapers::chereads
