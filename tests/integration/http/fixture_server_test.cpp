// The fixture server itself: control API over HTTP, emulator hook, the CLI binary.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <thread>

#include "common/http/url.hpp"
#include "tests/integration/http/server_fixture.hpp"
#include "tests/support/process.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using namespace std::chrono_literals;
using testing::ServerTest;

// Answers 301 to the sorted query when the query parameters are out of order,
// otherwise leaves the request to the recordings.
class SortedQueryEmulator final : public scrapers::testing::SiteEmulator {
 public:
  bool handle(const httplib::Request& req, httplib::Response& res, scrapers::testing::EmulatorContext&) override {
    const auto q = req.target.find('?');
    if (req.path != "/api/sorted" || q == std::string::npos) return false;
    auto params = parse_query(req.target.substr(q + 1));
    auto sorted = params;
    std::sort(sorted.begin(), sorted.end());
    if (params == sorted) {
      res.set_content(R"({"sorted":true})", "application/json");
    } else {
      res.status = 301;
      res.set_header("Location", req.path + "?" + build_query(sorted));
    }
    return true;
  }
};
SCRAPERS_REGISTER_EMULATOR("sorted-query", SortedQueryEmulator);

class FixtureServerTest : public ServerTest {};

Request control(const std::string& target, const std::string& method = "GET", std::string body = {}) {
  Request request = ServerTest::get(target);
  request.method = method;
  request.body = std::move(body);
  request.headers.add("Content-Type", "application/json");
  return request;
}

TEST_F(FixtureServerTest, FaultsCanBeAddedListedAndResetOverHttp) {
  CurlTransport transport(quick_options());
  auto added = transport.send(control("/__control/faults", "POST",
                                      R"([{"path":"/api/hello","fault":"status","status":503,"times":1},
                                          {"path":"/x*","fault":"challenge"}])"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(nlohmann::json::parse(added->body)["added"], 2);
  auto listed = transport.send(control("/__control/faults"));
  EXPECT_EQ(nlohmann::json::parse(listed->body).size(), 2u);

  EXPECT_EQ(transport.send(get("/api/hello?lang=en"))->status, 503);
  EXPECT_EQ(transport.send(get("/api/hello?lang=en"))->status, 200) << "times: 1 is used up";
  EXPECT_EQ(transport.send(get("/xyz"))->status, 403) << "prefix rule";

  auto log = nlohmann::json::parse(transport.send(control("/__control/requests"))->body);
  ASSERT_EQ(log["requests"].size(), 3u) << "control requests are not logged";
  EXPECT_EQ(log["requests"][0]["fault"], "status");
  EXPECT_EQ(log["requests"][0]["status"], 503);
  EXPECT_EQ(log["requests"][1]["query"], "lang=en");
  EXPECT_EQ(log["requests"][1]["headers"]["User-Agent"], std::string(kDefaultUserAgent));
  EXPECT_EQ(log["connections"], 1);

  ASSERT_TRUE(transport.send(control("/__control/reset", "POST")).ok());
  log = nlohmann::json::parse(transport.send(control("/__control/requests"))->body);
  EXPECT_TRUE(log["requests"].empty());
  EXPECT_EQ(transport.send(get("/xyz"))->status, 404) << "rules are gone";
}

TEST_F(FixtureServerTest, AMalformedFaultRuleIsRejectedWith400) {
  CurlTransport transport(quick_options());
  for (const char* body : {"not json", R"({"path":"/a","fault":"explode"})", R"({"path":"a","fault":"reset"})",
                           R"({"path":"/a","fault":"delay","delay_ms":"soon"})"}) {
    auto response = transport.send(control("/__control/faults", "POST", body));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 400) << body;
  }
}

TEST_F(FixtureServerTest, AMissingRecordingIs404NamingTheRequest) {
  CurlTransport transport(quick_options());
  auto response = transport.send(get("/api/hello?lang=fr"));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
  EXPECT_NE(response->body.find("GET /api/hello?lang=fr"), std::string::npos);
}

TEST(FixtureServerEmulators, ARegisteredEmulatorIsEnabledByNameAndAnswersFirst) {
  scrapers::testing::FixtureServerOptions options;
  options.emulators = {"sorted-query"};
  scrapers::testing::FixtureServer server(options);
  ASSERT_TRUE(server.start().ok());
  CurlTransport transport;
  Request request;
  request.url = server.base_url() + "/api/sorted?query=x&languages=en";
  auto response = transport.send(request);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->body, R"({"sorted":true})");
  EXPECT_EQ(response->redirect_count, 1);
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST(FixtureServerEmulators, AnUnknownEmulatorNameFailsToStart) {
  scrapers::testing::FixtureServerOptions options;
  options.emulators = {"no-such-site"};
  scrapers::testing::FixtureServer server(options);
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().kind, ErrorKind::invalid_argument);
}

TEST(FixtureServerBinary, ServesRecordingsOnThePortItReportsAndStopsOnSigint) {
  testing::TempDir dir;
  const std::string port_file = (dir.path() / "port").string();
  auto process = scrapers::testing::start_process(
      scrapers::testing::binary_path("bin/fixture-server"),
      {"--root", std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/http", "--port", "0", "--port-file", port_file});
  ASSERT_TRUE(process.wait_for_output("listening on http://127.0.0.1:", 10s)) << process.err_so_far();
  const std::string port = testing::read_text(port_file);
  ASSERT_FALSE(port.empty());
  EXPECT_NE(process.out_so_far().find("127.0.0.1:" + port.substr(0, port.size() - 1)), std::string::npos);

  CurlTransport transport;
  Request request;
  request.url = "http://127.0.0.1:" + port.substr(0, port.size() - 1) + "/api/hello?lang=en";
  auto response = transport.send(request);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 200);

  process.send_signal(SIGINT);
  const auto result = process.wait(10s);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST(FixtureServerBinary, RejectsAHostOtherThanLoopback) {
  const auto result = scrapers::testing::run_process(scrapers::testing::binary_path("bin/fixture-server"),
                                                     {"--host", "0.0.0.0"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("127.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace scrapers::http
