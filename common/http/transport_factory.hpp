// make_transport_from_env(): the Transport every program uses, chosen by the
// environment.
//
//   HTTP_REPLAY_DIR=<dir>  ReplayTransport over the recordings below <dir>: no
//                          network at all, no retries, no pacing.
//   HTTP_RECORD_DIR=<dir>  Recording(Retry(Polite(Curl))): real fetches, each final
//                          response written to <dir> (secrets scrubbed).
//   neither                Retry(Polite(Curl)).
// Setting both is invalid_argument. Curl, retry and env settings are read by
// curl_options_from_env() and retry_policy_from_env(); pacing comes from the
// caller (--delay, sources.rate_limit_rpm, a HostGate shared across processes). `clock` must outlive the transport.
// The returned transport, like its parts, is for one thread at a time.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/http/message.hpp"
#include "common/http/polite.hpp"
#include "common/util/clock.hpp"

namespace scrapers::http {

struct TransportSettings {
  std::chrono::milliseconds min_delay{0};  // the program's --delay
  int requests_per_minute = 0;             // sources.rate_limit_rpm; 0 = none
  HostGate* host_gate = nullptr;           // asked before each request (not for replay)
};

Result<std::unique_ptr<Transport>> make_transport_from_env(Clock& clock, const TransportSettings& settings = {});

// One line describing what make_transport_from_env() would build, for logs.
std::string describe_transport_from_env();

}  // namespace scrapers::http
