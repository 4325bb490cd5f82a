// FixtureServer: a local HTTP server (127.0.0.1 only) that answers from recorded
// fixtures and injects faults on request, for integration and end-to-end tests.
//
// Order of answering a request: control endpoints (/__control/...), the first
// matching fault rule, enabled site emulators, built-in generators (/__gen/...),
// recordings (RecordingIndex, same matching as ReplayTransport), else 404 with a
// JSON body naming the request. Every non-control request is logged with its
// headers, the client port (one port = one connection), the fault applied, the
// status and the body bytes actually written.
//
// Control API (JSON):
//   POST /__control/faults    a FaultRule object or an array of them -> {"added": n}
//   GET  /__control/faults    the active rules
//   GET  /__control/requests  {"connections": n, "requests": [{seq, method, path,
//                              query, headers, remote_port, fault, status, bytes_sent}]}
//   POST /__control/reset     clears rules, request log and connection count
//   GET  /__control/health    "ok" (readiness probe)
// Generators: GET /__gen/redirect/<n> redirects n times then answers 200;
//   ANY /__gen/echo answers {method, path, query, headers, body} as JSON.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tests/fixture_server/emulator.hpp"
#include "tests/fixture_server/fault_rule.hpp"

namespace scrapers::testing {

struct FixtureServerOptions {
  std::filesystem::path root;          // recordings; empty = none
  int port = 0;                        // 0 = any free port
  std::vector<std::string> emulators;  // registered emulator names to enable
};

struct LoggedRequest {
  std::size_t seq = 0;
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  int remote_port = 0;
  std::string fault;
  int status = 0;
  std::size_t bytes_sent = 0;  // body bytes written (streamed faults), else body size

  std::string header(std::string_view name) const;  // case-insensitive, "" if absent
};

class FixtureServer {
 public:
  explicit FixtureServer(FixtureServerOptions options = {});
  ~FixtureServer();  // stops
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  // Loads recordings, binds 127.0.0.1, serves on a background thread and returns
  // once connections are accepted.
  Status start();
  void stop();

  int port() const;
  std::string base_url() const;  // "http://127.0.0.1:<port>"

  void add_fault(FaultRule rule);
  void add_emulator(std::unique_ptr<SiteEmulator> emulator);
  void reset();

  std::vector<LoggedRequest> requests() const;
  std::size_t connections() const;
  nlohmann::json requests_json() const;

  struct State;

 private:
  static nlohmann::json requests_json_of(const State& state);
  std::unique_ptr<State> state_;
};

}  // namespace scrapers::testing
