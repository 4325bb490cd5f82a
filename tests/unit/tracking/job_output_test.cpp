#include "tracking/job_output.hpp"

#include <gtest/gtest.h>

namespace scrapers::tracking {
namespace {

using Json = nlohmann::json;

TEST(JobOutput, AnOutputWithTheThreeCountsPassesUnchanged) {
  Json output = {{"total", 3}, {"success", 2}, {"failed", 1}, {"editionId", "x"}};
  auto checked = with_minimum_counts(output);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(*checked, output);
}

TEST(JobOutput, TotalIsFilledFromTotalSegmentsChaptersOrEpisodes) {
  for (const char* synonym : {"totalSegments", "totalChapters", "totalEpisodes"}) {
    auto checked = with_minimum_counts({{synonym, 7}, {"success", 6}, {"failed", 1}});
    ASSERT_TRUE(checked.ok()) << synonym;
    EXPECT_EQ((*checked)["total"], 7) << synonym;
    EXPECT_EQ((*checked)[synonym], 7) << "the original field stays";
  }
}

TEST(JobOutput, FailedIsFilledFromErrors) {
  auto checked = with_minimum_counts({{"total", 4}, {"success", 1}, {"errors", 3}, {"skipped", 0}});
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ((*checked)["failed"], 3);
  EXPECT_EQ((*checked)["errors"], 3);
}

TEST(JobOutput, PresentFieldsAreNeverOverwrittenBySynonyms) {
  auto checked = with_minimum_counts(
      {{"total", 5}, {"totalChapters", 9}, {"success", 5}, {"failed", 0}, {"errors", 2}});
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ((*checked)["total"], 5);
  EXPECT_EQ((*checked)["failed"], 0);
}

TEST(JobOutput, MissingSuccessIsRejectedNamingTheField) {
  auto checked = with_minimum_counts({{"totalChapters", 270}, {"inserted", 270}, {"errors", 0}});
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(checked.error().message.rfind("job output lacks the minimum field(s) success (", 0), 0u)
      << "only success is missing (total and failed come from synonyms): " << checked.error().message;
}

TEST(JobOutput, NonObjectsAndNonCountsAreRejected) {
  EXPECT_FALSE(with_minimum_counts(Json::array()).ok());
  EXPECT_FALSE(with_minimum_counts("text").ok());
  EXPECT_FALSE(with_minimum_counts({{"total", -1}, {"success", 0}, {"failed", 0}}).ok());
  EXPECT_FALSE(with_minimum_counts({{"total", "3"}, {"success", 0}, {"failed", 0}}).ok());
  EXPECT_FALSE(with_minimum_counts({{"total", 1.5}, {"success", 0}, {"failed", 0}}).ok());
}

TEST(JobOutput, BestEffortFillingKeepsIncompleteOutputs) {
  Json filled = fill_minimum_counts({{"totalSegments", 10}, {"errors", 4}});
  EXPECT_EQ(filled["total"], 10);
  EXPECT_EQ(filled["failed"], 4);
  EXPECT_FALSE(filled.contains("success"));
}

}  // namespace
}  // namespace scrapers::tracking
