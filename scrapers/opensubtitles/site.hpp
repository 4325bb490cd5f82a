// Where opensubtitles-work and bulk-download-subtitles find opensubtitles.com: the
// website (TV-show pages) and the REST API, each from an environment variable with
// the production default, so tests can point both at a local server.
//
//   OPENSUBTITLES_SITE_BASE   https://www.opensubtitles.com
//   OPENSUBTITLES_BASE_URL    https://api.opensubtitles.com/api/v1
//
// from_env() guarantees absolute http(s) URLs without a trailing '/'; a bad value is
// invalid_argument naming its variable.
#pragma once

#include <string>

#include "common/util/error.hpp"

namespace scrapers::opensubtitles {

inline constexpr const char* kSiteBaseVariable = "OPENSUBTITLES_SITE_BASE";
inline constexpr const char* kApiBaseVariable = "OPENSUBTITLES_BASE_URL";

struct SiteUrls {
  std::string site_base = "https://www.opensubtitles.com";
  std::string api_base = "https://api.opensubtitles.com/api/v1";

  static Result<SiteUrls> from_env();
};

}  // namespace scrapers::opensubtitles
