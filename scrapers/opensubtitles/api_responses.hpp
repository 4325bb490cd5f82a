// Bodies of POST /download, POST /login and the API's error answers.
//
// parse_download_response needs a `link` that is an absolute http(s) URL; every
// other field is optional. parse_login_response needs a `token` and reduces
// `base_url` (a bare host such as "vip-api.opensubtitles.com", tolerated with a
// scheme or path) to host[:port]; it never puts the token into an error.
// describe_api_failure turns a non-2xx answer into an Error whose kind says what
// the caller must do: quota_exhausted (406 quota: stop, never retry; the quota
// fields come along), unauthorized (401, 403, 406 "invalid token": fail fast),
// http_status 410 (expired link: ask for a new one once), http_status 429 / 5xx
// (retryable). Messages quote the server's own words (JSON `message`/`errors`, an
// HTML <title>, or the start of a text body), cleaned to one printable line of at
// most 200 bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::opensubtitles {

struct QuotaInfo {
  std::optional<std::int64_t> requests;   // downloads used in the window
  std::optional<std::int64_t> remaining;  // downloads left
  std::optional<std::string> message;
  std::optional<std::string> reset_time;      // "09 hours and 57 minutes"
  std::optional<std::string> reset_time_utc;  // "2024-04-23T23:59:59.000Z"
};

struct DownloadLink {
  std::string link;
  std::optional<std::string> file_name;
  QuotaInfo quota;
};

Result<DownloadLink> parse_download_response(std::string_view body);

struct LoginResult {
  std::string token;
  std::string base_host;  // host[:port] later calls go to; "" when the answer named none
  std::optional<std::int64_t> allowed_downloads;
  std::optional<std::string> level;
  std::optional<bool> vip;
};

Result<LoginResult> parse_login_response(std::string_view body);

// host[:port] of a login base_url value, or nullopt when it is not a plausible host.
std::optional<std::string> base_url_host(std::string_view base_url);

struct ApiFailure {
  Error error;
  std::optional<QuotaInfo> quota;  // for a quota 406
};

ApiFailure describe_api_failure(int status, std::string_view body, std::string_view context = {});

// The server's own words from an error body (see above); "" when there are none.
std::string server_message(std::string_view body);

}  // namespace scrapers::opensubtitles
