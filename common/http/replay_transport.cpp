#include "common/http/replay_transport.hpp"

#include "common/http/redirect_policy.hpp"
#include "common/util/signals.hpp"

namespace scrapers::http {
namespace {

constexpr int kMaxRedirects = 5;

}  // namespace

ReplayTransport::ReplayTransport(RecordingIndex index) : index_(std::move(index)) {}

Result<std::unique_ptr<ReplayTransport>> ReplayTransport::open(const std::filesystem::path& dir) {
  auto index = RecordingIndex::load(dir);
  if (!index.ok()) return std::move(index).error();
  return std::make_unique<ReplayTransport>(std::move(*index));
}

Result<Response> ReplayTransport::answer_once(const Request& request, const Hop& hop) const {
  const std::string body = hop.drop_body ? std::string() : request.body;
  auto found = index_.find(hop.method, hop.url, body);
  if (!found.ok()) return std::move(found).error();
  auto content = read_recording_body(**found);
  if (!content.ok()) return std::move(content).error();
  if (request.max_body_bytes && content->size() > *request.max_body_bytes) {
    return make_error(ErrorKind::too_large, describe_request(request, hop.url) + ": response body exceeds " +
                                                std::to_string(*request.max_body_bytes) + " bytes");
  }
  return response_from_recording(**found, std::move(*content), hop.url);
}

Result<Response> ReplayTransport::send(const Request& request) {
  auto hop = first_hop(request);
  if (!hop.ok()) return std::move(hop).error();
  if (interrupted()) {
    return make_error(ErrorKind::interrupted, describe_request(request, request.url) + " not sent: interrupted");
  }
  for (int redirects = 0;; ++redirects) {
    auto response = answer_once(request, *hop);
    if (!response.ok()) return response;
    const auto location = response->headers.get("Location");
    if (!request.follow_redirects || !is_redirect_status(response->status) || !location) {
      response->redirect_count = redirects;
      ++served_;
      return response;
    }
    if (redirects >= kMaxRedirects) return too_many_redirects(request, kMaxRedirects, response->status);
    hop = next_hop(request, *hop, response->status, *location);
    if (!hop.ok()) return std::move(hop).error();
  }
}

}  // namespace scrapers::http
