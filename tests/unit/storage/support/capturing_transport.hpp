// A Transport for tests that records every request and answers from a queue of
// canned responses (or errors); with the queue empty it answers 200 with no body.
#pragma once

#include <deque>
#include <vector>

#include "common/http/message.hpp"

namespace scrapers::testing {

class CapturingTransport final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    requests.push_back(request);
    if (replies.empty()) {
      http::Response ok;
      ok.status = 200;
      return ok;
    }
    auto reply = std::move(replies.front());
    replies.pop_front();
    return reply;
  }

  void reply(int status, std::string body = {}, std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::Response response;
    response.status = status;
    response.body = std::move(body);
    response.headers.entries = std::move(headers);
    replies.emplace_back(std::move(response));
  }
  void fail(Error error) { replies.emplace_back(std::move(error)); }

  // Value of the first header with this name (case-insensitive) in request `index`.
  std::string header(std::size_t index, std::string_view name) const {
    for (const auto& [key, value] : requests.at(index).headers.entries) {
      if (http::header_name_equals(key, name)) return value;
    }
    return "<absent>";
  }

  std::vector<http::Request> requests;
  std::deque<Result<http::Response>> replies;
};

}  // namespace scrapers::testing
