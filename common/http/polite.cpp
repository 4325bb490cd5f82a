#include "common/http/polite.hpp"

#include <algorithm>

#include "common/http/redact.hpp"
#include "common/http/url.hpp"

namespace scrapers::http {

PoliteTransport::PoliteTransport(std::unique_ptr<Transport> inner, Clock& clock, PolitenessPolicy policy)
    : inner_(std::move(inner)), clock_(clock), policy_(policy) {
  policy_.requests_per_minute = std::max(policy_.requests_per_minute, 0);
}

Result<Response> PoliteTransport::send(const Request& request) {
  const auto url = parse_url(request.url);
  if (!url.ok()) return inner_->send(request);
  const std::string host = url->host + ":" + std::to_string(url->port);
  const auto known = hosts_.find(host);
  if (known != hosts_.end()) {
    Clock::TimePoint ready = known->second.last_end + policy_.min_delay;
    if (policy_.requests_per_minute > 0) {
      const auto spacing = std::chrono::milliseconds(60000 / policy_.requests_per_minute);
      ready = std::max(ready, known->second.last_start + spacing);
    }
    const auto now = clock_.now();
    if (ready > now && !clock_.sleep_for(std::chrono::ceil<std::chrono::milliseconds>(ready - now))) {
      return make_error(ErrorKind::interrupted,
                        request.method + " " + redact_url(request.url) + " not sent: interrupted");
    }
  }
  if (policy_.gate) {
    if (auto allowed = policy_.gate->before_request(*url); !allowed) return std::move(allowed).error();
  }
  HostState& state = hosts_[host];
  state.last_start = clock_.now();
  Result<Response> result = inner_->send(request);
  state.last_end = clock_.now();
  return result;
}

}  // namespace scrapers::http
