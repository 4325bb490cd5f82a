// Where readnovel-api and readnovel-segment find the site: the wuxiaworld.eu API and
// the readnovel.eu pages, each from an environment variable with the production
// default, so tests can point both at a local server.
//
//   READNOVEL_API_BASE    https://wuxiaworld.eu
//   READNOVEL_SITE_BASE   https://readnovel.eu
//
// from_env() guarantees absolute http(s) URLs without a trailing '/'; a bad value is
// invalid_argument naming its variable.
#pragma once

#include <string>

#include "common/util/error.hpp"
#include "scrapers/readnovel/urls.hpp"

namespace scrapers::readnovel {

inline constexpr const char* kApiBaseVariable = "READNOVEL_API_BASE";
inline constexpr const char* kSiteBaseVariable = "READNOVEL_SITE_BASE";

struct SiteUrls {
  std::string api_base{kDefaultApiBase};
  std::string site_base{kCanonicalSiteBase};

  static Result<SiteUrls> from_env();
};

}  // namespace scrapers::readnovel
