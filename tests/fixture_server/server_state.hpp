// Internal to the fixture server: its shared state and the request pipeline
// (dispatch.cpp answers requests, control.cpp the /__control/ endpoints).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "tests/fixture_server/fixture_server.hpp"

namespace scrapers::testing {

struct LogEntry {
  LoggedRequest request;
  std::shared_ptr<std::atomic<std::size_t>> sent = std::make_shared<std::atomic<std::size_t>>(0);
  std::atomic<int> status{0};
};

std::string query_of(const httplib::Request& req);
void json_reply(httplib::Response& res, int status, const nlohmann::json& body);

struct FixtureServer::State {
  FixtureServerOptions options;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connections{0};
  std::optional<http::RecordingIndex> recordings;
  std::mutex emulator_mutex;  // emulators are called one at a time
  std::vector<std::unique_ptr<SiteEmulator>> emulators;
  mutable std::mutex mutex;
  std::vector<FaultRule> rules;
  std::vector<std::shared_ptr<LogEntry>> log;

  void dispatch(const httplib::Request& req, httplib::Response& res);
  void control(const httplib::Request& req, httplib::Response& res);
  std::shared_ptr<LogEntry> log_request(const httplib::Request& req);
  std::optional<FaultRule> take_fault(const httplib::Request& req);
  bool apply_fault(const FaultRule& rule, const httplib::Request& req, httplib::Response& res, LogEntry& entry);
  void set_challenge(const FaultRule& rule, httplib::Response& res);
  void set_stream_fault(const FaultRule& rule, httplib::Response& res, LogEntry& entry);
  void answer(const httplib::Request& req, httplib::Response& res);
  bool generator(const httplib::Request& req, httplib::Response& res);
  bool serve_recording(std::string_view method, std::string_view target, std::string_view body,
                       httplib::Response& res);
  std::pair<std::string, std::string> body_for(const FaultRule& rule, const httplib::Request& req);
};

}  // namespace scrapers::testing
