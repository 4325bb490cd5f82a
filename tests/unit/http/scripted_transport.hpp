// A Transport for unit tests: answers from a queue of scripted results, remembers
// every request and can make each call take time on a FakeClock.
#pragma once

#include <chrono>
#include <deque>
#include <vector>

#include "common/http/message.hpp"
#include "tests/support/fake_clock.hpp"

namespace scrapers::http::testing {

inline Response response_with_status(int status, std::string body = {}) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

class ScriptedTransport final : public Transport {
 public:
  explicit ScriptedTransport(scrapers::testing::FakeClock* clock = nullptr,
                             std::chrono::milliseconds duration = std::chrono::milliseconds(0))
      : clock_(clock), duration_(duration) {}

  void push(Result<Response> result) { script_.push_back(std::move(result)); }

  Result<Response> send(const Request& request) override {
    requests.push_back(request);
    if (clock_ != nullptr) clock_->advance(duration_);
    if (script_.empty()) return response_with_status(200, "default");
    Result<Response> next = std::move(script_.front());
    if (script_.size() > 1 || !repeat_last) script_.pop_front();
    return next;
  }

  std::vector<Request> requests;
  bool repeat_last = false;  // keep answering with the last scripted result

 private:
  std::deque<Result<Response>> script_;
  scrapers::testing::FakeClock* clock_;
  std::chrono::milliseconds duration_;
};

}  // namespace scrapers::http::testing
