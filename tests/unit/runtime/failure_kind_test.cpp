// Which failures a retry can fix: every ErrorKind's class, and HTTP statuses by value.
#include "scrapers/runtime/failure_kind.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

using tracking::FailureKind;

Error http(int status) {
  Error error = make_error(ErrorKind::http_status, "HTTP " + std::to_string(status));
  error.http_status = status;
  return error;
}

TEST(FailureKindOf, TransientKindsAreRetryable) {
  for (ErrorKind kind : {ErrorKind::network, ErrorKind::timeout, ErrorKind::database, ErrorKind::io,
                         ErrorKind::internal, ErrorKind::interrupted}) {
    EXPECT_EQ(failure_kind_of(make_error(kind, "x")), FailureKind::retryable) << to_string(kind);
  }
}

TEST(FailureKindOf, KindsARetryCannotFixArePermanent) {
  for (ErrorKind kind :
       {ErrorKind::invalid_argument, ErrorKind::not_found, ErrorKind::layout_changed, ErrorKind::missing_field,
        ErrorKind::parse, ErrorKind::bad_content_type, ErrorKind::bad_encoding, ErrorKind::too_large,
        ErrorKind::quota_exhausted, ErrorKind::unauthorized}) {
    EXPECT_EQ(failure_kind_of(make_error(kind, "x")), FailureKind::permanent) << to_string(kind);
  }
}

TEST(FailureKindOf, AnAntiBotBlockIsBlocked) {
  EXPECT_EQ(failure_kind_of(make_error(ErrorKind::blocked, "Just a moment...")), FailureKind::blocked);
}

TEST(FailureKindOf, HttpStatusesFollowIsRetryableStatus) {
  for (int status : {408, 425, 429, 500, 502, 503, 504}) {
    EXPECT_EQ(failure_kind_of(http(status)), FailureKind::retryable) << status;
  }
  for (int status : {400, 403, 404, 410, 501}) {
    EXPECT_EQ(failure_kind_of(http(status)), FailureKind::permanent) << status;
  }
}

TEST(FailureKindOf, OnlyRetryableAndBlockedAreWorthAnotherAttempt) {
  EXPECT_TRUE(tracking::is_retryable(FailureKind::retryable));
  EXPECT_TRUE(tracking::is_retryable(FailureKind::blocked));
  EXPECT_FALSE(tracking::is_retryable(FailureKind::permanent));
  EXPECT_FALSE(tracking::is_retryable(FailureKind::cancelled));
  EXPECT_EQ(tracking::to_string(FailureKind::cancelled), "cancelled");
}

}  // namespace
}  // namespace scrapers::runtime
