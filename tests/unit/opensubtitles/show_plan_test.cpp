#include "scrapers/opensubtitles/show_plan.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

ShowPlan plan_fixture() {
  auto page = parse_show_page(testing::read_fixture("site/tvshow-2024-solo-leveling.html"),
                              "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling");
  return plan_show(std::move(page).value_or_throw());
}

ShowSeason season(std::optional<int> number, std::string header, std::vector<std::string> labels) {
  ShowSeason s{std::move(header), number, {}};
  for (auto& label : labels)
    s.episodes.push_back(ShowEpisode{label, "t", "https://x/" + label, parse_episode_code(label)});
  return s;
}

TEST(ShowPlan, PlansOnlyNumberedSeasonsThatListEpisodes) {
  const ShowPlan plan = plan_fixture();
  ASSERT_EQ(plan.seasons.size(), 2u);
  EXPECT_EQ(plan.seasons[0].season, 1);
  EXPECT_EQ(plan.seasons[0].episodes.size(), 12u);
  EXPECT_EQ(plan.seasons[1].season, 2);
  EXPECT_EQ(plan.seasons[1].episodes.size(), 13u);
  EXPECT_EQ(plan.total_episodes, 25u);
}

TEST(ShowPlan, ReportsSpecialsAndEmptySeasonsInsteadOfDroppingThem) {
  const ShowPlan plan = plan_fixture();
  ASSERT_EQ(plan.skipped.size(), 2u);
  EXPECT_EQ(plan.skipped[0].header, "Specials");
  EXPECT_EQ(plan.skipped[0].episodes, 1u);
  EXPECT_EQ(plan.skipped[0].reason, "no season number");
  EXPECT_EQ(plan.skipped[1].header, "Season 3");
  EXPECT_EQ(plan.skipped[1].episodes, 0u);
  EXPECT_EQ(plan.skipped[1].reason, "no episodes");
}

TEST(ShowPlan, NumbersEpisodesSequentiallyAcrossSeasonsWithLabelTitles) {
  const ShowPlan plan = plan_fixture();
  EXPECT_EQ(plan.seasons[0].episodes.front().number, 1);
  EXPECT_EQ(plan.seasons[0].episodes.back().number, 12);
  EXPECT_EQ(plan.seasons[1].episodes.front().number, 13);
  EXPECT_EQ(plan.seasons[1].episodes.front().title, "S02E01");
  EXPECT_EQ(plan.seasons[1].episodes.back().number, 25);
  EXPECT_EQ(plan.seasons[1].episodes.back().url,
            "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling/seasons/2/episodes/"
            "13-arise-from-the-shadow");
}

TEST(ShowPlan, MergesPanelsWithTheSameSeasonNumberIntoOneSeason) {
  ShowPage page;
  page.seasons.push_back(season(1, "Season 1", {"S01E01", "S01E02"}));
  page.seasons.push_back(season(std::nullopt, "Specials", {"S00E01"}));
  page.seasons.push_back(season(1, "Season 1 (part 2)", {"S01E03"}));
  const ShowPlan plan = plan_show(page);
  ASSERT_EQ(plan.seasons.size(), 1u);
  ASSERT_EQ(plan.seasons[0].episodes.size(), 3u);
  EXPECT_EQ(plan.seasons[0].episodes[2].title, "S01E03");
  EXPECT_EQ(plan.seasons[0].episodes[2].number, 3);
}

}  // namespace
}  // namespace scrapers::opensubtitles
