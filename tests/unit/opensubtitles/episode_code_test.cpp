#include "scrapers/opensubtitles/episode_code.hpp"

#include <gtest/gtest.h>

namespace scrapers::opensubtitles {
namespace {

TEST(EpisodeCode, ReadsSeasonAndEpisodeFromALabel) {
  EXPECT_EQ(parse_episode_code("S01E01"), (EpisodeCode{1, 1}));
  EXPECT_EQ(parse_episode_code("S02E13"), (EpisodeCode{2, 13}));
}

TEST(EpisodeCode, IsCaseInsensitiveAndFoundAnywhereInTheTitle) {
  EXPECT_EQ(parse_episode_code("Solo Leveling s1e7 — Let’s See"), (EpisodeCode{1, 7}));
  EXPECT_EQ(parse_episode_code("Specials S00E01"), (EpisodeCode{0, 1}));
}

TEST(EpisodeCode, SkipsFalseStartsAndFindsTheFirstRealCode) {
  EXPECT_EQ(parse_episode_code("Season S E S3E4"), (EpisodeCode{3, 4}));
  EXPECT_EQ(parse_episode_code("S1234567E1 then S1E2"), (EpisodeCode{1, 2}));
}

TEST(EpisodeCode, TitlesWithoutACodeGiveNothing) {
  EXPECT_EQ(parse_episode_code("Episode 12"), std::nullopt);
  EXPECT_EQ(parse_episode_code("S01 E01"), std::nullopt);
  EXPECT_EQ(parse_episode_code("S01E"), std::nullopt);
  EXPECT_EQ(parse_episode_code(""), std::nullopt);
}

TEST(EpisodeCode, FormatsWithTwoDigitPadding) {
  EXPECT_EQ(format_episode_code({1, 1}), "S01E01");
  EXPECT_EQ(format_episode_code({12, 100}), "S12E100");
}

}  // namespace
}  // namespace scrapers::opensubtitles
