#include "common/http/transport_factory.hpp"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::ScopedEnv;
using testing::TempDir;
using testing::write_text;

TEST(TransportFactory, ReplayDirGivesATransportAnsweringFromRecordingsOnly) {
  TempDir dir;
  write_text(dir.path() / "readnovel" / "a.json", R"({"ok":true})");
  write_text(dir.path() / "readnovel" / "a.json.meta.json",
             R"({"url":"/api/a","content_type":"application/json"})");
  ScopedEnv replay("HTTP_REPLAY_DIR", dir.path().string());
  ScopedEnv record("HTTP_RECORD_DIR", std::nullopt);
  scrapers::testing::FakeClock clock;
  auto transport = make_transport_from_env(clock);
  ASSERT_TRUE(transport.ok()) << transport.error().describe();
  Request request;
  request.url = "https://wuxiaworld.eu/api/a";
  auto hit = (*transport)->send(request);
  ASSERT_TRUE(hit.ok()) << hit.error().describe();
  EXPECT_EQ(hit->body, R"({"ok":true})");
  request.url = "https://wuxiaworld.eu/api/not-recorded";
  auto miss = (*transport)->send(request);
  ASSERT_FALSE(miss.ok());
  EXPECT_EQ(miss.error().kind, ErrorKind::not_found) << "never falls back to the network";
  EXPECT_NE(describe_transport_from_env().find("replay"), std::string::npos);
}

TEST(TransportFactory, ReplayAndRecordTogetherAreRefused) {
  ScopedEnv replay("HTTP_REPLAY_DIR", "/tmp/a");
  ScopedEnv record("HTTP_RECORD_DIR", "/tmp/b");
  scrapers::testing::FakeClock clock;
  auto transport = make_transport_from_env(clock);
  ASSERT_FALSE(transport.ok());
  EXPECT_EQ(transport.error().kind, ErrorKind::invalid_argument);
}

TEST(TransportFactory, AMalformedNumericSettingIsAnErrorNamingTheVariable) {
  ScopedEnv replay("HTTP_REPLAY_DIR", std::nullopt);
  ScopedEnv record("HTTP_RECORD_DIR", std::nullopt);
  for (const char* name : {"HTTP_TIMEOUT_MS", "HTTP_CONNECT_TIMEOUT_MS", "HTTP_MAX_BODY_BYTES",
                           "HTTP_MAX_ATTEMPTS", "HTTP_RETRY_BASE_MS", "HTTP_RETRY_MAX_WAIT_MS"}) {
    ScopedEnv bad(name, "12abc");
    scrapers::testing::FakeClock clock;
    auto transport = make_transport_from_env(clock);
    ASSERT_FALSE(transport.ok()) << name;
    EXPECT_EQ(transport.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(transport.error().message.find(name), std::string::npos);
  }
}

TEST(TransportFactory, WithoutReplayOrRecordItBuildsTheCurlStack) {
  ScopedEnv replay("HTTP_REPLAY_DIR", std::nullopt);
  ScopedEnv record("HTTP_RECORD_DIR", std::nullopt);
  scrapers::testing::FakeClock clock;
  auto transport = make_transport_from_env(clock, {std::chrono::milliseconds(500), 60});
  ASSERT_TRUE(transport.ok()) << transport.error().describe();
  Request request;
  request.url = "gopher://example.test/";
  auto refused = (*transport)->send(request);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_argument) << "checked before any network use";
}

}  // namespace
}  // namespace scrapers::http
