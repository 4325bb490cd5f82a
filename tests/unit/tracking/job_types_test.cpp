#include "tracking/job_types.hpp"

#include <gtest/gtest.h>

namespace scrapers::tracking {
namespace {

TEST(JobTypes, EveryJobTypeOfTheCheckListParsesAndPrintsBackTheSame) {
  for (const char* name : {"scrape", "clean", "summarize", "entities", "embed", "match", "sync_assets"}) {
    auto parsed = parse_job_type(name);
    ASSERT_TRUE(parsed.ok()) << name;
    EXPECT_EQ(to_string(*parsed), name);
  }
}

TEST(JobTypes, EveryStatusOfTheCheckListParsesAndPrintsBackTheSame) {
  for (const char* name : {"queued", "running", "success", "failed"}) {
    auto parsed = parse_job_status(name);
    ASSERT_TRUE(parsed.ok()) << name;
    EXPECT_EQ(to_string(*parsed), name);
  }
}

TEST(JobTypes, ParsingIsExactSoNearMissesAreRejected) {
  for (const char* bad : {"Scrape", " scrape", "scrape ", "scraper", "", "sync-assets"}) {
    auto parsed = parse_job_type(bad);
    ASSERT_FALSE(parsed.ok()) << "'" << bad << "'";
    EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_argument);
  }
  for (const char* bad : {"Running", "done", "succeeded", "", "fail"}) {
    EXPECT_FALSE(parse_job_status(bad).ok()) << "'" << bad << "'";
  }
}

TEST(JobTypes, TheErrorNamesTheBadValueAndListsTheAcceptedOnes) {
  auto parsed = parse_job_status("done");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("'done'"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("queued, running, success, failed"), std::string::npos);
}

TEST(JobTypes, OnlySuccessAndFailedAreFinal) {
  EXPECT_TRUE(is_final(JobStatus::success));
  EXPECT_TRUE(is_final(JobStatus::failed));
  EXPECT_FALSE(is_final(JobStatus::running));
  EXPECT_FALSE(is_final(JobStatus::queued));
}

}  // namespace
}  // namespace scrapers::tracking
