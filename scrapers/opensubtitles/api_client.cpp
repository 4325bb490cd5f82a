#include "scrapers/opensubtitles/api_client.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/http/classify.hpp"
#include "common/http/retry.hpp"
#include "common/http/url.hpp"
#include "common/text/ascii.hpp"
#include "common/util/log.hpp"
#include "scrapers/opensubtitles/api_redirect.hpp"

namespace scrapers::opensubtitles {
namespace {

// "GET /subtitles" — what an error's context names (no host, no secrets).
std::string describe_call(const http::Request& request, std::string_view base) {
  std::string target = request.url.substr(std::min(request.url.size(), base.size()));
  target = target.substr(0, target.find('?'));
  return request.method + " " + target;
}

bool looks_like_html(const http::Response& response) {
  if (response.content_type() == "text/html") return true;
  const auto start = response.body.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return false;
  const std::string head = text::to_ascii_lower(std::string_view(response.body).substr(start, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

Error link_error(const http::Response& response) {
  if (http::is_challenge(response)) {
    Error error = make_error(ErrorKind::blocked, "anti-bot challenge instead of the subtitle file");
    error.http_status = response.status;
    return error;
  }
  Error error = make_error(ErrorKind::http_status, response.status == 410 ? "download link expired (410)"
                                                                          : "download link answered HTTP " +
                                                                                std::to_string(response.status));
  error.http_status = response.status;
  return error;
}

bool has_any_quota_field(const QuotaInfo& q) {
  return q.requests || q.remaining || q.reset_time || q.reset_time_utc;
}

}  // namespace

bool is_trusted_api_host(std::string_view base_host, std::string_view configured_host) {
  const std::string host = text::to_ascii_lower(base_host.substr(0, base_host.find(':')));
  constexpr std::string_view kDomain = "opensubtitles.com";
  const bool under_domain = host == kDomain || (host.size() > kDomain.size() + 1 &&
                                                host.substr(host.size() - kDomain.size()) == kDomain &&
                                                host[host.size() - kDomain.size() - 1] == '.');
  return under_domain || (!host.empty() && host == configured_host);
}

Result<std::string> rebase_api_url(std::string_view configured_base, std::string_view host) {
  auto base = http::parse_url(configured_base);
  if (!base.ok()) return std::move(base).error();
  const auto checked = base_url_host(host);
  if (!checked) return make_error(ErrorKind::invalid_argument, "login base_url is not a host name");
  std::string authority = *checked;
  if (authority.find(':') == std::string::npos && !base->default_port()) {
    authority += ":" + std::to_string(base->port);
  }
  std::string path = base->path == "/" ? std::string() : base->path;
  return base->scheme + "://" + authority + path;
}

Result<ApiClient> ApiClient::create(http::Transport& transport, Clock& clock, ApiConfig config) {
  if (config.api_key.empty()) {
    return make_error(ErrorKind::invalid_argument, "OpenSubtitles API key is empty");
  }
  auto base = http::parse_url(config.base_url);
  if (!base.ok()) {
    return make_error(ErrorKind::invalid_argument, "OpenSubtitles base URL is not an absolute http(s) URL",
                      config.base_url);
  }
  while (!config.base_url.empty() && config.base_url.back() == '/') config.base_url.pop_back();
  return ApiClient(transport, clock, std::move(config));
}

ApiClient::ApiClient(http::Transport& transport, Clock& clock, ApiConfig config)
    : transport_(&transport),
      clock_(&clock),
      config_(std::move(config)),
      base_url_(config_.base_url),
      configured_host_(http::parse_url(config_.base_url).value().host) {}

http::Request ApiClient::api_request(std::string method, std::string_view target) const {
  http::Request request;
  request.method = std::move(method);
  request.url = base_url_ + "/" + std::string(target);
  request.follow_redirects = false;
  request.headers.set("Api-Key", config_.api_key);
  request.headers.set("User-Agent", config_.user_agent);
  request.headers.set("Accept", "application/json");
  if (request.method == "POST") request.headers.set("Content-Type", "application/json");
  if (!token_.empty()) request.headers.set("Authorization", "Bearer " + token_);
  return request;
}

Status ApiClient::pace(std::chrono::milliseconds interval, std::optional<Clock::TimePoint>& last) {
  if (last) {
    const auto due = *last + interval;
    const auto now = clock_->now();
    if (due > now && !clock_->sleep_for(std::chrono::ceil<std::chrono::milliseconds>(due - now))) {
      return make_error(ErrorKind::interrupted, "interrupted while pacing OpenSubtitles requests");
    }
  }
  last = clock_->now();
  return Ok{};
}

Status ApiClient::wait_after_rate_limit(const http::Response& response, int retry) {
  std::chrono::milliseconds wait = config_.default_retry_after;
  if (const auto header = response.headers.get("Retry-After")) {
    if (const auto asked = http::parse_retry_after(*header, clock_->wall_now())) wait = *asked;
  }
  wait = std::min(wait, config_.max_retry_after);
  ++rate_limit_waits_;
  log::warn("OpenSubtitles rate limit (429): waiting " + std::to_string(wait.count()) + " ms, retry " +
            std::to_string(retry) + "/" + std::to_string(config_.rate_limit_retries));
  if (!clock_->sleep_for(wait)) {
    return make_error(ErrorKind::interrupted, "interrupted while waiting out the OpenSubtitles rate limit");
  }
  return Ok{};
}

Result<http::Response> ApiClient::send_api(const http::Request& request, bool is_login) {
  const std::string call = describe_call(request, base_url_);
  http::Request current = request;
  bool redirected = false;
  int retry = 0;
  for (;;) {
    if (is_login) {
      if (auto paced = pace(config_.login_interval, last_login_); !paced.ok()) return std::move(paced).error();
    }
    if (auto paced = pace(config_.request_interval, last_request_); !paced.ok()) return std::move(paced).error();
    auto response = transport_->send(current);
    if (!response.ok()) return std::move(response).error();
    const int status = response->status;
    if (status >= 200 && status < 300) return response;
    if (status == 429 && retry < config_.rate_limit_retries) {
      ++retry;
      if (auto waited = wait_after_rate_limit(*response, retry); !waited.ok()) return std::move(waited).error();
      continue;
    }
    if (http::is_challenge(*response)) {
      Error error = make_error(ErrorKind::blocked, "anti-bot challenge from the OpenSubtitles API", call);
      error.http_status = status;
      return error;
    }
    if (status >= 300 && status < 400) {
      auto next = follow_once(current, *response, redirected);
      if (!next.ok()) {
        Error error = std::move(next).error();
        error.context = call;
        return error;
      }
      log::warn("OpenSubtitles redirected " + call + " to the same query re-ordered or re-encoded (HTTP " +
                std::to_string(status) + "); followed once");
      current.url = std::move(*next);
      redirected = true;
      continue;
    }
    ApiFailure failure = describe_api_failure(status, response->body, call);
    if (failure.quota) quota_ = std::move(failure.quota);
    return std::move(failure.error);
  }
}

Result<std::string> ApiClient::follow_once(const http::Request& request, const http::Response& response,
                                           bool already_redirected) const {
  if (already_redirected) {
    Error error = make_error(ErrorKind::http_status, "OpenSubtitles redirected a second time (HTTP " +
                                                         std::to_string(response.status) +
                                                         "); not followed: at most one redirect is");
    error.http_status = response.status;
    return error;
  }
  return reencoding_redirect(request.method, request.url, response.status,
                             response.headers.get("Location").value_or(""));
}

Status ApiClient::login(std::string_view username, std::string_view password) {
  http::Request request = api_request("POST", "login");
  request.body = nlohmann::json{{"username", username}, {"password", password}}.dump();
  auto response = send_api(request, true);
  if (!response.ok()) return std::move(response).error();
  auto parsed = parse_login_response(response->body);
  if (!parsed.ok()) return std::move(parsed).error();
  if (!parsed->base_host.empty() && !is_trusted_api_host(parsed->base_host, configured_host_)) {
    log::warn("OpenSubtitles: ignoring the login's base_url host '" + parsed->base_host +
              "' (not under opensubtitles.com nor the configured API host); staying at " + base_url_);
  } else if (!parsed->base_host.empty()) {
    auto rebased = rebase_api_url(config_.base_url, parsed->base_host);
    if (!rebased.ok()) return std::move(rebased).error();
    base_url_ = std::move(*rebased);
  }
  token_ = std::move(parsed->token);
  log::info("OpenSubtitles: logged in" +
            (parsed->allowed_downloads ? " (" + std::to_string(*parsed->allowed_downloads) + " downloads a day)"
                                       : std::string()) +
            ", API at " + base_url_);
  return Ok{};
}

Result<SearchPage> ApiClient::search(const SearchQuery& query) {
  auto response = send_api(api_request("GET", search_target(query)), false);
  if (!response.ok()) return std::move(response).error();
  auto page = parse_search_response(response->body);
  if (!page.ok()) {
    Error error = std::move(page).error();
    error.context = "GET /subtitles";
    return error;
  }
  return page;
}

Result<DownloadLink> ApiClient::request_link(std::int64_t file_id) {
  http::Request request = api_request("POST", "download");
  request.body = nlohmann::json{{"file_id", file_id}}.dump();
  auto response = send_api(request, false);
  if (!response.ok()) return std::move(response).error();
  auto link = parse_download_response(response->body);
  if (!link.ok()) {
    Error error = std::move(link).error();
    error.context = "POST /download file_id " + std::to_string(file_id);
    return error;
  }
  if (has_any_quota_field(link->quota)) quota_ = link->quota;
  return link;
}

Result<std::string> ApiClient::fetch_link(const std::string& link) {
  if (auto paced = pace(config_.request_interval, last_request_); !paced.ok()) return std::move(paced).error();
  http::Request request;
  request.url = link;
  request.reach = http::Reach::download;
  request.trusted_host = configured_host_;  // see redirect_policy.hpp: the local test/demo API serves links too
  request.headers.set("User-Agent", config_.user_agent);
  request.max_body_bytes = config_.max_file_bytes;
  auto response = transport_->send(request);
  if (!response.ok()) return std::move(response).error();
  if (response->status < 200 || response->status >= 300) return link_error(*response);
  if (response->body.empty()) return make_error(ErrorKind::parse, "the subtitle file is empty");
  if (looks_like_html(*response)) {
    return make_error(ErrorKind::bad_content_type, "an HTML page instead of the subtitle file");
  }
  return std::move(response->body);
}

Result<DownloadedFile> ApiClient::download(std::int64_t file_id) {
  DownloadedFile file;
  for (int attempt = 1;; ++attempt) {
    auto link = request_link(file_id);
    ++file.links_requested;
    if (!link.ok()) {
      if (link.error().http_status == 410 && attempt == 1) continue;
      return std::move(link).error();
    }
    auto bytes = fetch_link(link->link);
    if (!bytes.ok()) {
      if (bytes.error().http_status == 410 && attempt == 1) {
        log::info("OpenSubtitles: download link for file " + std::to_string(file_id) + " expired; asking again");
        continue;
      }
      Error error = std::move(bytes).error();
      error.context = "file_id " + std::to_string(file_id);
      return error;
    }
    file.bytes = std::move(*bytes);
    file.file_name = std::move(link->file_name);
    return file;
  }
}

}  // namespace scrapers::opensubtitles
