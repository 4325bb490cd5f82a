// Per-site base URLs, from the environment with production defaults, so tests can
// point a program at the fixture server (http://127.0.0.1:PORT).
//
//   READNOVEL_API_BASE        https://wuxiaworld.eu
//   READNOVEL_SITE_BASE       https://readnovel.eu
//   CHEREADS_BASE             https://www.chereads.com
//   OPENSUBTITLES_SITE_BASE   https://www.opensubtitles.com
//   OPENSUBTITLES_BASE_URL    https://api.opensubtitles.com/api/v1
//
// Each value must be an absolute http(s) URL (invalid_argument naming the variable
// otherwise); a trailing '/' is removed so callers append "/path". Programs accept a
// user-supplied URL only when is_on_site() holds for the configured base.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::http {

struct SiteUrls {
  std::string readnovel_api_base = "https://wuxiaworld.eu";
  std::string readnovel_site_base = "https://readnovel.eu";
  std::string chereads_base = "https://www.chereads.com";
  std::string opensubtitles_site_base = "https://www.opensubtitles.com";
  std::string opensubtitles_api_base = "https://api.opensubtitles.com/api/v1";
};

Result<SiteUrls> site_urls_from_env();

// `base` + `path` with exactly one '/' between them.
std::string join_url(std::string_view base, std::string_view path);

// `url` is an http(s) URL on the base's host: same scheme, host and port, where
// "www." on either side is ignored for the production hosts (port 80/443).
bool is_on_site(std::string_view url, std::string_view base);

}  // namespace scrapers::http
