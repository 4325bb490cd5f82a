#include "scrapers/admin/job_progress.hpp"

#include <gtest/gtest.h>

namespace scrapers::admin {
namespace {

using Json = nlohmann::json;

TEST(JobProgress, PercentAndEtaComeFromDoneTotalAndTheTimeSinceTheStart) {
  const auto f = progress_figures(Json{{"done", 12}, {"total", 48}, {"item", "chapter 13"}, {"updated_at", "t"}},
                                  60.0);
  EXPECT_EQ(f.done, 12);
  EXPECT_EQ(f.total, 48);
  EXPECT_EQ(f.item, "chapter 13");
  EXPECT_EQ(f.updated_at, "t");
  EXPECT_DOUBLE_EQ(*f.percent, 25.0);
  EXPECT_DOUBLE_EQ(*f.eta_seconds, 180.0) << "60 s for 12 items, 36 to go";
  EXPECT_EQ(progress_text(f), "12/48 (25%)");
  EXPECT_EQ(eta_text(f), "3m00s");
}

TEST(JobProgress, NoEtaBeforeTheFirstItemNoPercentWithoutATotalAndZeroWhenDone) {
  const auto none_done = progress_figures(Json{{"done", 0}, {"total", 10}}, 5.0);
  EXPECT_DOUBLE_EQ(*none_done.percent, 0.0);
  EXPECT_FALSE(none_done.eta_seconds.has_value());
  EXPECT_EQ(eta_text(none_done), "-");
  const auto no_total = progress_figures(Json{{"done", 3}, {"total", nullptr}}, 5.0);
  EXPECT_FALSE(no_total.percent.has_value());
  EXPECT_EQ(progress_text(no_total), "3");
  const auto finished = progress_figures(Json{{"done", 10}, {"total", 10}}, 5.0);
  EXPECT_DOUBLE_EQ(*finished.percent, 100.0);
  EXPECT_DOUBLE_EQ(*finished.eta_seconds, 0.0);
  const auto no_elapsed = progress_figures(Json{{"done", 1}, {"total", 10}}, std::nullopt);
  EXPECT_FALSE(no_elapsed.eta_seconds.has_value());
}

TEST(JobProgress, MissingOrMalformedProgressGivesEmptyFigures) {
  EXPECT_EQ(progress_text(progress_figures(std::nullopt, 1.0)), "-");
  EXPECT_FALSE(progress_figures(Json::array({1, 2}), 1.0).done.has_value());
  EXPECT_FALSE(progress_figures(Json{{"done", "many"}, {"total", 4}}, 1.0).percent.has_value());
  EXPECT_FALSE(progress_figures(Json{{"done", -1}, {"total", 4}}, 1.0).percent.has_value());
  EXPECT_DOUBLE_EQ(*progress_figures(Json{{"done", 9}, {"total", 4}}, 1.0).percent, 100.0) << "at most 100";
}

}  // namespace
}  // namespace scrapers::admin
