// Base URLs from the environment, and the two things callers do with them.
//
// base_url_from_env() reads one variable (e.g. CHEREADS_BASE) and falls back to the
// given default, so tests can point a program at a local server
// (http://127.0.0.1:PORT). The result is an absolute http(s) URL without a trailing
// '/', so callers append "/path"; anything else is invalid_argument naming the
// variable. Which variables and defaults exist is each site's business, not this
// file's. Programs accept a user-supplied URL only when is_on_site() holds for the
// configured base.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::http {

// $variable, else `fallback`; checked and without its trailing '/'.
Result<std::string> base_url_from_env(const char* variable, std::string_view fallback);

// `base` + `path` with exactly one '/' between them.
std::string join_url(std::string_view base, std::string_view path);

// `url` is an http(s) URL on the base's host: same scheme, host and port, where for
// the production hosts (port 80/443) twins count as the same host (host_twins.hpp:
// "www." on either side, chereads.com <-> cherreads.com).
bool is_on_site(std::string_view url, std::string_view base);

}  // namespace scrapers::http
