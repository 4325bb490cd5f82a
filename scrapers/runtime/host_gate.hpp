// SourcePacingGate: politeness across workers and machines (issue 10), as the HostGate
// every program's transport asks before each request (run_program wires it; not for
// HTTP_REPLAY_DIR, which sends nothing).
//
// Guarantees:
// - The host's rule is the `sources` row tracking::source_for_host() matches (domain
//   match, port and "www." ignored), looked up at most once per host every 30 s (each
//   lookup also keeps that source's last_run_at current).
// - With a rule whose rate_limit_rpm > 0, each request first reserves a slot with
//   tracking::reserve_host_slot(host, 60 s / rpm) and sleeps the returned wait
//   (interruptibly: a signal or cancel ends the wait with ErrorKind::interrupted and the
//   request is not sent). So requests to that host from all processes sharing the
//   database are spaced at least that interval apart.
// - Without a matching row, or a row without a rate, requests pass at once.
// - A database failure is one warning (until the database answers again) and the
//   request passes: pacing never fails a job.
// Uses the given Database on the calling thread (the program's main connection).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "common/http/host_gate.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

class SourcePacingGate final : public http::HostGate {
 public:
  explicit SourcePacingGate(tracking::Database& db, std::chrono::seconds rule_ttl = std::chrono::seconds(30));

  Status before_request(const http::Url& url) override;

 private:
  struct Rule {
    std::optional<std::chrono::milliseconds> interval;
    std::chrono::steady_clock::time_point fetched;
  };
  std::optional<std::chrono::milliseconds> interval_for(const std::string& host);
  void warn(const std::string& message);

  tracking::Database& db_;
  std::chrono::seconds rule_ttl_;
  std::map<std::string, Rule> rules_;
  bool warned_ = false;
};

}  // namespace scrapers::runtime
