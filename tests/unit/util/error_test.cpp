#include "common/util/error.hpp"

#include <gtest/gtest.h>

namespace scrapers {
namespace {

TEST(Error, TransientStatusesAreRetryableAndOtherClientErrorsAreNot) {
  for (int status : {408, 425, 429, 500, 502, 503, 504}) {
    Error e = make_error(ErrorKind::http_status, "status");
    e.http_status = status;
    EXPECT_TRUE(e.retryable()) << status;
  }
  for (int status : {400, 401, 403, 404, 406, 410, 501}) {
    Error e = make_error(ErrorKind::http_status, "status");
    e.http_status = status;
    EXPECT_FALSE(e.retryable()) << status;
  }
}

TEST(Error, TheTwoStatusListsAreExactAndTheRefusedOnesAreRetryable) {
  for (int status = 100; status < 600; ++status) {
    const bool transient = status == 408 || status == 425 || status == 429 || status == 500 || status == 502 ||
                           status == 503 || status == 504;
    const bool refused = status == 408 || status == 425 || status == 429 || status == 503;
    EXPECT_EQ(is_retryable_status(status), transient) << status;
    EXPECT_EQ(is_refused_before_acting(status), refused) << status;
    Error e = make_error(ErrorKind::http_status, "status");
    e.http_status = status;
    EXPECT_EQ(e.retryable(), transient) << status;
  }
}

TEST(Error, NetworkAndTimeoutAreRetryableButBlockedIsNot) {
  EXPECT_TRUE(make_error(ErrorKind::network, "reset").retryable());
  EXPECT_TRUE(make_error(ErrorKind::timeout, "slow").retryable());
  EXPECT_FALSE(make_error(ErrorKind::blocked, "challenge").retryable());
  EXPECT_FALSE(make_error(ErrorKind::layout_changed, "?").retryable());
}

TEST(Error, DescribeAppendsContextInParentheses) {
  EXPECT_EQ(make_error(ErrorKind::not_found, "no recording", "GET http://x/").describe(),
            "no recording (GET http://x/)");
  EXPECT_EQ(make_error(ErrorKind::not_found, "plain").describe(), "plain");
}

TEST(Result, HoldsValueOrErrorAndThrowsWhenValueOfErrorIsTaken) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 7);
  Result<int> bad = make_error(ErrorKind::parse, "not a number", "abc");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::parse);
  EXPECT_THROW((void)bad.value(), ErrorException);
  try {
    (void)std::move(bad).value_or_throw();
  } catch (const ErrorException& e) {
    EXPECT_STREQ(e.what(), "not a number (abc)");
    EXPECT_EQ(e.error().kind, ErrorKind::parse);
  }
}

}  // namespace
}  // namespace scrapers
