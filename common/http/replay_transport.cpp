#include "common/http/replay_transport.hpp"

#include "common/http/redact.hpp"
#include "common/http/url.hpp"
#include "common/util/signals.hpp"

namespace scrapers::http {
namespace {

constexpr int kMaxRedirects = 5;

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

ReplayTransport::ReplayTransport(RecordingIndex index) : index_(std::move(index)) {}

Result<std::unique_ptr<ReplayTransport>> ReplayTransport::open(const std::filesystem::path& dir) {
  auto index = RecordingIndex::load(dir);
  if (!index.ok()) return std::move(index).error();
  return std::make_unique<ReplayTransport>(std::move(*index));
}

Result<Response> ReplayTransport::answer_once(const std::string& method, const std::string& url,
                                              const std::string& body, const Request& request) const {
  const std::string what = method + " " + redact_url(url);
  if (auto parsed = parse_url(url); !parsed.ok()) {
    return make_error(ErrorKind::invalid_argument, what + ": " + parsed.error().message);
  }
  auto found = index_.find(method, url, body);
  if (!found.ok()) return std::move(found).error();
  auto content = read_recording_body(**found);
  if (!content.ok()) return std::move(content).error();
  if (request.max_body_bytes && content->size() > *request.max_body_bytes) {
    return make_error(ErrorKind::too_large,
                      what + ": response body exceeds " + std::to_string(*request.max_body_bytes) + " bytes");
  }
  return response_from_recording(**found, std::move(*content), url);
}

Result<Response> ReplayTransport::send(const Request& request) {
  if (interrupted()) {
    return make_error(ErrorKind::interrupted,
                      request.method + " " + redact_url(request.url) + " not sent: interrupted");
  }
  std::string method = request.method;
  std::string url = request.url;
  std::string body = request.body;
  for (int redirects = 0;; ++redirects) {
    auto response = answer_once(method, url, body, request);
    if (!response.ok()) return response;
    const auto location = response->headers.get("Location");
    if (!request.follow_redirects || !is_redirect(response->status) || !location) {
      response->redirect_count = redirects;
      ++served_;
      return response;
    }
    if (redirects >= kMaxRedirects) {
      Error error = make_error(ErrorKind::http_status,
                               request.method + " " + redact_url(request.url) + ": more than 5 redirects");
      error.http_status = response->status;
      return error;
    }
    auto next = resolve_url(url, *location);
    if (!next.ok()) return std::move(next).error();
    if (response->status == 303 || ((response->status == 301 || response->status == 302) && method == "POST")) {
      method = "GET";
      body.clear();
    }
    url = std::move(*next);
  }
}

}  // namespace scrapers::http
