// OpenSubtitles REST API v1 client over a Transport.
//
// Every API call carries Api-Key, "User-Agent: <app> v<version>", Accept and (for
// POST) Content-Type: application/json, plus "Authorization: Bearer" once logged
// in; after login the calls go to the base_url host the login named (scheme, port
// and path of the configured base are kept) when that host is opensubtitles.com, one
// of its subdomains or the configured base's own host; any other host is ignored
// with a warning and the calls stay on the configured base, so the key and the token
// never follow a login answer elsewhere. Query strings are canonical
// (api_query.hpp); the transport follows no redirect: the client itself follows at
// most one per call, and only one that re-orders or re-encodes the same query on the
// same host and path (api_redirect.hpp, logged as a warning: the canonical form has
// drifted); any other 3xx, or a second one, is an http_status error. Pacing: at most one request per
// `request_interval` (5 per second by default) across API calls and file fetches,
// and one login per `login_interval`; waits go through the Clock, so an interrupt
// ends them with ErrorKind::interrupted.
// Answers: 429 waits for Retry-After (or `default_retry_after`) and tries again,
// up to `rate_limit_retries` times; 406 is quota_exhausted at once (never retried;
// quota() then holds the reset time); 401/403 are unauthorized at once; in
// download(), a 410 (expired link) makes it ask for a new link exactly once.
// Download links are fetched WITHOUT the Api-Key and the token, as Reach::download
// requests (https to public addresses only, redirects included; the configured API
// host is the one exemption, see redirect_policy.hpp). Neither secret is
// ever put into an error, a log line or a URL.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/http/message.hpp"
#include "common/util/clock.hpp"
#include "common/util/error.hpp"
#include "scrapers/opensubtitles/api_query.hpp"
#include "scrapers/opensubtitles/api_responses.hpp"
#include "scrapers/opensubtitles/search_response.hpp"

namespace scrapers::opensubtitles {

inline constexpr std::string_view kDefaultApiUserAgent = "ChapterBridge v1.0.0";

struct ApiConfig {
  std::string base_url = "https://api.opensubtitles.com/api/v1";
  std::string api_key;  // secret
  std::string user_agent{kDefaultApiUserAgent};
  std::chrono::milliseconds request_interval{200};  // 5 requests per second
  std::chrono::milliseconds login_interval{1000};   // 1 request per second on /login
  int rate_limit_retries = 3;                       // further attempts after a 429
  std::chrono::milliseconds default_retry_after{1000};
  std::chrono::milliseconds max_retry_after{60000};
  std::size_t max_file_bytes = std::size_t{8} << 20;  // one subtitle file
};

struct DownloadedFile {
  std::string bytes;                     // exactly as served (BOM included)
  std::optional<std::string> file_name;  // the download answer's file_name
  int links_requested = 0;               // 1, or 2 after an expired link
};

class ApiClient {
 public:
  // invalid_argument when the base URL is not an absolute http(s) URL or the key is empty.
  static Result<ApiClient> create(http::Transport& transport, Clock& clock, ApiConfig config);

  // POST /login; on success later calls use the token and the answer's base_url host.
  Status login(std::string_view username, std::string_view password);

  Result<SearchPage> search(const SearchQuery& query);
  // POST /download {file_id} -> the temporary link (counts against the quota).
  Result<DownloadLink> request_link(std::int64_t file_id);
  // GET the link without credentials; the bytes as served.
  Result<std::string> fetch_link(const std::string& link);
  // request_link + fetch_link, asking once more for a link that answered 410.
  Result<DownloadedFile> download(std::int64_t file_id);

  // The latest quota figures the API reported (a download answer or a 406).
  const std::optional<QuotaInfo>& quota() const noexcept { return quota_; }
  const std::string& base_url() const noexcept { return base_url_; }
  bool logged_in() const noexcept { return !token_.empty(); }
  int rate_limit_waits() const noexcept { return rate_limit_waits_; }

 private:
  ApiClient(http::Transport& transport, Clock& clock, ApiConfig config);

  http::Request api_request(std::string method, std::string_view target) const;
  Result<http::Response> send_api(const http::Request& request, bool is_login);
  Result<std::string> follow_once(const http::Request& request, const http::Response& response,
                                  bool already_redirected) const;
  Status pace(std::chrono::milliseconds interval, std::optional<Clock::TimePoint>& last);
  Status wait_after_rate_limit(const http::Response& response, int retry);

  http::Transport* transport_;
  Clock* clock_;
  ApiConfig config_;
  std::string base_url_;
  std::string configured_host_;  // host of config_.base_url
  std::string token_;            // secret
  std::optional<QuotaInfo> quota_;
  std::optional<Clock::TimePoint> last_request_;
  std::optional<Clock::TimePoint> last_login_;
  int rate_limit_waits_ = 0;
};

// Whether a login's base_url host ("host" or "host:port") may receive the key and the
// token: opensubtitles.com or a subdomain of it (by label: "evilopensubtitles.com" is
// not), or exactly `configured_host` (the configured base's host, e.g. a test server).
bool is_trusted_api_host(std::string_view base_host, std::string_view configured_host);

// The configured base URL with its host replaced by a login's base_url host
// ("host" or "host:port"); the configured port is kept when the host names none.
Result<std::string> rebase_api_url(std::string_view configured_base, std::string_view host);

}  // namespace scrapers::opensubtitles
