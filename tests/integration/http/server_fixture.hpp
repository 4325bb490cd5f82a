// One in-process fixture server per test suite, serving fixtures/http/, reset before
// every test; helpers to add faults and to time a call.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "common/http/curl_transport.hpp"
#include "tests/fixture_server/fixture_server.hpp"

namespace scrapers::http::testing {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scrapers::testing::FixtureServerOptions options;
    options.root = std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/http";
    server_ = new scrapers::testing::FixtureServer(options);
    const auto started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().describe();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    server_->reset();
  }

 public:
  static scrapers::testing::FixtureServer& server() { return *server_; }
  static std::string url(const std::string& target) { return server_->base_url() + target; }

  static void fault(nlohmann::json rule) {
    auto parsed = scrapers::testing::parse_fault_rule(rule);
    ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
    server_->add_fault(std::move(*parsed));
  }

  static Request get(const std::string& target) {
    Request request;
    request.url = url(target);
    return request;
  }

  static CurlOptions quick_options() {
    CurlOptions options;
    options.connect_timeout = std::chrono::milliseconds(2000);
    options.timeout = std::chrono::milliseconds(5000);
    return options;
  }

 private:
  static inline scrapers::testing::FixtureServer* server_ = nullptr;
};

// Wall time taken by `fn`.
template <class F>
std::chrono::milliseconds time_of(F&& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace scrapers::http::testing
