#include "scrapers/runtime/pre_job_lookup.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

TEST(PreJobLookup, AnIdThatNamesNoRowDoesNotExist) {
  const Error error = does_not_exist("edition", "7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c");
  EXPECT_EQ(error.kind, ErrorKind::not_found);
  EXPECT_EQ(error.describe(), "edition 7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c does not exist");
}

TEST(PreJobLookup, TheFlagThatGaveTheIdIsItsContext) {
  EXPECT_EQ(does_not_exist("work", "w-1", "--workId").describe(), "work w-1 does not exist (--workId)");
}

TEST(PreJobLookup, AFailedLookupSaysWhatFailedAndKeepsTheCauseKindAndContext) {
  const Error cause = make_error(ErrorKind::database, "column \"provider\" does not exist",
                                 "looking up edition e-1");
  const Error error = lookup_failed("look up edition e-1", cause);
  EXPECT_EQ(error.kind, ErrorKind::database);
  EXPECT_EQ(error.describe(),
            "cannot look up edition e-1: column \"provider\" does not exist (looking up edition e-1)");
  EXPECT_EQ(lookup_failed("list the editions of work w-1", make_error(ErrorKind::timeout, "timed out")).kind,
            ErrorKind::timeout);
}

}  // namespace
}  // namespace scrapers::runtime
