// PoliteTransport: paces requests per host so a run never hammers a site.
//
// Before each request to a host it waits until both hold:
//   - at least `min_delay` has passed since the previous request to that host ended
//     (the programs' --delay), and
//   - at least 60 s / requests_per_minute has passed since the previous request to
//     that host started (sources.rate_limit_rpm; 0 = no limit). The limit is an even
//     spacing, so there are no bursts.
// Then, when the policy names a HostGate, it asks the gate (host_gate.hpp), whose
// Error is returned without sending. Waits go through the Clock: an interrupt ends one with ErrorKind::interrupted and
// the request is not sent. Hosts are compared case-insensitively; a URL that does not
// parse is passed through to the inner transport, which rejects it. One thread at
// a time.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "common/http/host_gate.hpp"
#include "common/http/message.hpp"
#include "common/util/clock.hpp"

namespace scrapers::http {

struct PolitenessPolicy {
  std::chrono::milliseconds min_delay{0};
  int requests_per_minute = 0;
  HostGate* gate = nullptr;  // not owned; must outlive the transport
};

class PoliteTransport final : public Transport {
 public:
  PoliteTransport(std::unique_ptr<Transport> inner, Clock& clock, PolitenessPolicy policy);

  Result<Response> send(const Request& request) override;

 private:
  struct HostState {
    Clock::TimePoint last_start;
    Clock::TimePoint last_end;
  };
  std::unique_ptr<Transport> inner_;
  Clock& clock_;
  PolitenessPolicy policy_;
  std::map<std::string, HostState> hosts_;
};

}  // namespace scrapers::http
