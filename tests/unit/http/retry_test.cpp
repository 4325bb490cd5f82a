#include "common/http/retry.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/fake_clock.hpp"
#include "tests/unit/http/scripted_transport.hpp"

namespace scrapers::http {
namespace {

using namespace std::chrono_literals;
using scrapers::testing::FakeClock;
using testing::response_with_status;
using testing::ScriptedTransport;

std::chrono::system_clock::time_point utc(int year, int month, int day, int h, int m, int s) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = h;
  tm.tm_min = m;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

TEST(ParseRetryAfter, ReadsDeltaSeconds) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("120", now), 120000ms);
  EXPECT_EQ(parse_retry_after(" 5 ", now), 5000ms);
  EXPECT_EQ(parse_retry_after("0", now), 0ms);
}

TEST(ParseRetryAfter, ReadsTheThreeHttpDateFormatsRelativeToNow) {
  const auto now = utc(2024, 4, 23, 23, 59, 0);
  EXPECT_EQ(parse_retry_after("Tue, 23 Apr 2024 23:59:59 GMT", now), 59000ms);
  EXPECT_EQ(parse_retry_after("Tuesday, 23-Apr-24 23:59:30 GMT", now), 30000ms);
  EXPECT_EQ(parse_retry_after("Tue Apr 23 23:59:10 2024", now), 10000ms);
}

TEST(ParseRetryAfter, ADateInThePastMeansNoWait) {
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", utc(2024, 1, 1, 0, 0, 0)), 0ms);
}

TEST(ParseRetryAfter, RejectsGarbage) {
  const auto now = std::chrono::system_clock::now();
  for (const char* bad : {"", "soon", "-5", "1.5", "5s", "Tue, 99 Foo 2024 25:61:61 GMT"}) {
    EXPECT_FALSE(parse_retry_after(bad, now).has_value()) << bad;
  }
}

TEST(ParseRetryAfter, HugeDeltaSecondsDoNotOverflow) {
  const auto wait = parse_retry_after("99999999999999999999999", std::chrono::system_clock::now());
  ASSERT_TRUE(wait.has_value());
  EXPECT_GT(*wait, 24h);
}

struct RetryFixture : ::testing::Test {
  FakeClock clock;
  ScriptedTransport* inner = nullptr;

  RetryingTransport make(RetryPolicy policy, std::uint64_t seed = 1) {
    auto scripted = std::make_unique<ScriptedTransport>();
    inner = scripted.get();
    return RetryingTransport(std::move(scripted), clock, policy, seed);
  }
  static RetryPolicy no_jitter(int attempts = 4) {
    RetryPolicy policy;
    policy.max_attempts = attempts;
    policy.base_delay = 100ms;
    policy.jitter = 0;
    return policy;
  }
  static Request get(std::string url = "https://example.test/a") {
    Request request;
    request.url = std::move(url);
    return request;
  }
};

TEST_F(RetryFixture, A503FollowedByA200GivesThe200AfterOneWait) {
  auto transport = make(no_jitter());
  inner->push(response_with_status(503));
  inner->push(response_with_status(200, "ok"));
  auto result = transport.send(get());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(inner->requests.size(), 2u);
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{100ms});
}

TEST_F(RetryFixture, BackoffDoublesUntilAttemptsRunOutAndTheLastResponseIsReturned) {
  auto transport = make(no_jitter(4));
  inner->push(response_with_status(502));
  inner->repeat_last = true;
  auto result = transport.send(get());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 502);
  EXPECT_EQ(inner->requests.size(), 4u);
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{100ms, 200ms, 400ms}));
}

TEST_F(RetryFixture, EachRetryIsLoggedWithAttemptReasonAndWait) {
  RetryPolicy policy = no_jitter(4);
  policy.base_delay = 1200ms;
  auto transport = make(policy);
  inner->push(response_with_status(503));
  inner->push(response_with_status(200));
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(transport.send(get("https://example.test/a?api_key=s3cret")).ok());
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("GET https://example.test/a?api_key=REDACTED attempt 2/4 after 503, waiting 1.2 s"),
            std::string::npos)
      << log;
  EXPECT_EQ(log.find("s3cret"), std::string::npos);
}

TEST_F(RetryFixture, BackoffIsCappedAtMaxDelay) {
  RetryPolicy policy = no_jitter(4);
  policy.base_delay = 1000ms;
  policy.multiplier = 10;
  policy.max_delay = 5000ms;
  auto transport = make(policy);
  inner->push(response_with_status(500));
  inner->repeat_last = true;
  static_cast<void>(transport.send(get()));
  EXPECT_EQ(clock.sleeps, (std::vector<std::chrono::milliseconds>{1000ms, 5000ms, 5000ms}));
}

TEST_F(RetryFixture, JitterStaysWithinItsBoundsAndVariesWithTheSeed) {
  RetryPolicy policy = no_jitter();
  policy.base_delay = 1000ms;
  policy.jitter = 0.2;
  std::set<long long> seen;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    auto transport = make(policy, seed);
    for (int attempt = 1; attempt <= 3; ++attempt) {
      const auto nominal = 1000.0 * (1 << (attempt - 1));
      const auto wait = static_cast<double>(transport.backoff(attempt).count());
      EXPECT_GE(wait, nominal * 0.8 - 1) << "seed " << seed;
      EXPECT_LE(wait, nominal * 1.2 + 1) << "seed " << seed;
      if (attempt == 1) seen.insert(static_cast<long long>(wait));
    }
  }
  EXPECT_GT(seen.size(), 50u) << "jitter should spread the waits";
}

TEST_F(RetryFixture, TheSameSeedGivesTheSameWaits) {
  RetryPolicy policy = no_jitter();
  policy.jitter = 0.5;
  auto a = make(policy, 42);
  auto b = make(policy, 42);
  for (int attempt = 1; attempt <= 4; ++attempt) EXPECT_EQ(a.backoff(attempt), b.backoff(attempt));
}

TEST_F(RetryFixture, OtherClientErrorsAreNeverRetried) {
  for (const int status : {400, 401, 403, 404, 406, 410, 451}) {
    clock.sleeps.clear();
    auto transport = make(no_jitter());
    inner->push(response_with_status(status));
    auto result = transport.send(get());
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, status);
    EXPECT_EQ(inner->requests.size(), 1u) << status;
    EXPECT_TRUE(clock.sleeps.empty()) << status;
  }
}

TEST_F(RetryFixture, EveryTransientStatusIsRetried) {
  for (const int status : {408, 425, 429, 500, 502, 503, 504}) {
    auto transport = make(no_jitter());
    inner->push(response_with_status(status));
    inner->push(response_with_status(200));
    auto result = transport.send(get());
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, 200) << status;
    EXPECT_EQ(inner->requests.size(), 2u) << status;
  }
}

TEST_F(RetryFixture, RetryAfterSecondsReplacesTheBackoff) {
  auto transport = make(no_jitter());
  auto limited = response_with_status(429, R"({"message":"API rate limit exceeded"})");
  limited.headers.add("Retry-After", "7");
  inner->push(limited);
  inner->push(response_with_status(200));
  ASSERT_TRUE(transport.send(get()).ok());
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{7000ms});
}

TEST_F(RetryFixture, RetryAfterIsCappedAtTheConfiguredMaximum) {
  RetryPolicy policy = no_jitter();
  policy.max_retry_after = 10s;
  auto transport = make(policy);
  auto limited = response_with_status(503);
  limited.headers.add("retry-after", "3600");
  inner->push(limited);
  inner->push(response_with_status(200));
  ASSERT_TRUE(transport.send(get()).ok());
  EXPECT_EQ(clock.sleeps, std::vector<std::chrono::milliseconds>{10000ms});
}

TEST_F(RetryFixture, RetryAfterAsAnHttpDateIsMeasuredFromTheClocksWallTime) {
  auto transport = make(no_jitter());
  const std::time_t target = std::chrono::system_clock::to_time_t(clock.wall_now() + 42s);
  std::tm tm{};
  gmtime_r(&target, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  auto limited = response_with_status(429);
  limited.headers.add("Retry-After", date);
  inner->push(limited);
  inner->push(response_with_status(200));
  ASSERT_TRUE(transport.send(get()).ok());
  ASSERT_EQ(clock.sleeps.size(), 1u);
  EXPECT_EQ(clock.sleeps[0], 42000ms);
}

TEST_F(RetryFixture, NetworkErrorsAndTimeoutsAreRetried) {
  auto transport = make(no_jitter());
  inner->push(make_error(ErrorKind::network, "connection refused"));
  inner->push(make_error(ErrorKind::timeout, "timed out"));
  inner->push(response_with_status(200));
  auto result = transport.send(get());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(inner->requests.size(), 3u);
}

TEST_F(RetryFixture, PermanentErrorsAreReturnedAtOnce) {
  for (const auto kind :
       {ErrorKind::too_large, ErrorKind::invalid_argument, ErrorKind::interrupted, ErrorKind::blocked}) {
    auto transport = make(no_jitter());
    inner->push(make_error(kind, "permanent"));
    auto result = transport.send(get());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, kind);
    EXPECT_EQ(inner->requests.size(), 1u) << to_string(kind);
  }
}

TEST_F(RetryFixture, TheLastErrorIsReturnedWhenEveryAttemptFails) {
  auto transport = make(no_jitter(3));
  inner->push(make_error(ErrorKind::timeout, "timed out"));
  inner->repeat_last = true;
  auto result = transport.send(get());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::timeout);
  EXPECT_EQ(inner->requests.size(), 3u);
}

TEST_F(RetryFixture, PostIsRetriedOnlyWhenTheServerRefusedBeforeActing) {
  Request post = get();
  post.method = "POST";
  auto transport = make(no_jitter());
  inner->push(make_error(ErrorKind::network, "reset"));
  EXPECT_FALSE(transport.send(post).ok());
  EXPECT_EQ(inner->requests.size(), 1u) << "a POST that may have been processed is not repeated";

  auto second = make(no_jitter());
  inner->push(response_with_status(502));
  EXPECT_EQ(second.send(post)->status, 502);
  EXPECT_EQ(inner->requests.size(), 1u);

  auto third = make(no_jitter());
  inner->push(response_with_status(429));
  inner->push(response_with_status(200));
  EXPECT_EQ(third.send(post)->status, 200);
  EXPECT_EQ(inner->requests.size(), 2u);
}

class InterruptingClock final : public Clock {
 public:
  TimePoint now() const override { return {}; }
  std::chrono::system_clock::time_point wall_now() const override { return {}; }
  bool sleep_for(std::chrono::milliseconds) override { return false; }
};

TEST(Retry, AnInterruptedWaitEndsWithInterruptedAndNoFurtherAttempt) {
  InterruptingClock clock;
  auto scripted = std::make_unique<ScriptedTransport>();
  auto* inner = scripted.get();
  inner->push(response_with_status(503));
  RetryingTransport transport(std::move(scripted), clock, RetryPolicy{}, 1);
  Request request;
  request.url = "https://example.test/?token=s3cret";
  auto result = transport.send(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::interrupted);
  EXPECT_EQ(result.error().message.find("s3cret"), std::string::npos) << "secrets stay out of messages";
  EXPECT_EQ(inner->requests.size(), 1u);
}

}  // namespace
}  // namespace scrapers::http
