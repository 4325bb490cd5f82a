// A Transport for the OpenSubtitles client tests: answers requests from a script, in
// order, and remembers every request sent ("script exhausted" not_found after the end).
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "common/http/message.hpp"
#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles::testing {

class ScriptedTransport final : public http::Transport {
 public:
  void answer(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.entries = std::move(headers);
    if (!r.headers.has("Content-Type")) r.headers.add("Content-Type", "application/json");
    script.emplace_back(std::move(r));
  }
  void answer_fixture(int status, std::string_view fixture) { answer(status, read_fixture(fixture)); }

  Result<http::Response> send(const http::Request& request) override {
    sent.push_back(request);
    if (script.empty()) return make_error(ErrorKind::not_found, "script exhausted");
    auto next = std::move(script.front());
    script.pop_front();
    return next;
  }

  std::deque<http::Response> script;
  std::vector<http::Request> sent;
};

}  // namespace scrapers::opensubtitles::testing
