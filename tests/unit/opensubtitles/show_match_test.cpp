#include "scrapers/opensubtitles/show_match.hpp"

#include <gtest/gtest.h>

namespace scrapers::opensubtitles {
namespace {

SubtitleResult episode_of(std::optional<std::string> parent_title, std::optional<std::int64_t> feature_id,
                          int season = 1, int episode = 1) {
  SubtitleResult r;
  r.id = "1";
  r.parent_title = std::move(parent_title);
  r.parent_feature_id = feature_id;
  r.season_number = season;
  r.episode_number = episode;
  return r;
}

TEST(NormalizeShowTitle, FoldsSpellingDifferencesOnly) {
  EXPECT_EQ(normalize_show_title("Solo Leveling"), normalize_show_title("SOLO  leveling "));
  EXPECT_EQ(normalize_show_title("Pokémon"), normalize_show_title("Pokemon"));
  EXPECT_EQ(normalize_show_title("Pok\u0065\u0301mon"), "pokemon");  // combining acute accent
  EXPECT_EQ(normalize_show_title("Re:Zero"), normalize_show_title("Re Zero"));
  EXPECT_EQ(normalize_show_title("Re:Zero"), normalize_show_title("ReZero"));
  EXPECT_EQ(normalize_show_title("Hell's Paradise"), normalize_show_title("Hell\u2019s Paradise"));
  EXPECT_EQ(normalize_show_title("Hell's Paradise"), normalize_show_title("Hells Paradise"));
  EXPECT_EQ(normalize_show_title("Dr. Stone"), normalize_show_title("Dr Stone"));
  EXPECT_EQ(normalize_show_title("Locke & Key"), normalize_show_title("Locke and Key"));
  EXPECT_EQ(normalize_show_title("The Apothecary Diaries"), normalize_show_title("Apothecary Diaries"));
  EXPECT_EQ(normalize_show_title("Straße"), "strasse");
  EXPECT_EQ(normalize_show_title("ÆON Flux"), "aeonflux");
  EXPECT_EQ(normalize_show_title("Ｂｌｕｅ　Ｌｏｃｋ"), "bluelock");  // full-width letters and space
  EXPECT_EQ(normalize_show_title("Магическая БИТВА"), normalize_show_title("магическая битва"));
  EXPECT_EQ(normalize_show_title("進撃の巨人"), "進撃の巨人");
}

TEST(NormalizeShowTitle, KeepsDifferentWordsDifferent) {
  EXPECT_NE(normalize_show_title("Solo Leveling"), normalize_show_title("Solo Leveling: Ragnarok"));
  EXPECT_NE(normalize_show_title("Blue Lock"), normalize_show_title("Blue Exorcist"));
  EXPECT_NE(normalize_show_title("Blue Lock"), normalize_show_title("Locke & Key"));
  EXPECT_NE(normalize_show_title("Dr. Stone"), normalize_show_title("Dr. Stone: New World"));
  EXPECT_EQ(normalize_show_title("The"), "the");  // a title that is only "The" keeps it
  EXPECT_EQ(normalize_show_title("The Office"), "office");
  EXPECT_NE(normalize_show_title("Office"), normalize_show_title("The Office US"));
  EXPECT_EQ(normalize_show_title("?!"), "");
}

TEST(JudgeShow, ByTitleUntilTheIdsAreKnown) {
  const ShowIdentity show{"Blue Lock", {}};
  EXPECT_EQ(judge_show(show, episode_of("BLUE LOCK", 1702201)).verdict, ShowVerdict::same_show);
  EXPECT_FALSE(judge_show(show, episode_of("BLUE LOCK", 1702201)).by_ids);
  EXPECT_EQ(judge_show(show, episode_of("Blue Exorcist", 1580033)).verdict, ShowVerdict::other_show);
  EXPECT_EQ(judge_show(show, episode_of(std::nullopt, 1702201)).verdict, ShowVerdict::unknown_show);
  EXPECT_EQ(judge_show(show, episode_of(std::nullopt, std::nullopt)).verdict, ShowVerdict::unknown_show);
}

TEST(JudgeShow, ByIdsOnceKnownWhateverTheTitleSays) {
  ShowIdentity show{"Blue Lock", {}};
  show.ids.feature_id = 1702201;
  show.ids.imdb_id = 15231212;
  const auto same = judge_show(show, episode_of("Burū Rokku", 1702201));
  EXPECT_EQ(same.verdict, ShowVerdict::same_show);
  EXPECT_TRUE(same.by_ids);
  EXPECT_EQ(judge_show(show, episode_of("Blue Lock", 1702299)).verdict, ShowVerdict::other_show);
  auto imdb_only = episode_of(std::nullopt, std::nullopt);
  imdb_only.parent_imdb_id = 15231212;
  EXPECT_EQ(judge_show(show, imdb_only).verdict, ShowVerdict::same_show);
  auto conflicting = episode_of("Blue Lock", 1702201);
  conflicting.parent_imdb_id = 999;  // one id that differs is another show
  EXPECT_EQ(judge_show(show, conflicting).verdict, ShowVerdict::other_show);
  auto tmdb_only = episode_of("Blue Lock", std::nullopt);
  tmdb_only.parent_tmdb_id = 127249;  // no id shared: the title decides
  EXPECT_EQ(judge_show(show, tmdb_only).verdict, ShowVerdict::same_show);
  EXPECT_FALSE(judge_show(show, tmdb_only).by_ids);
}

TEST(IsEpisode, NeedsBothNumbers) {
  EXPECT_TRUE(is_episode(episode_of("x", 1, 2, 5), 2, 5));
  EXPECT_FALSE(is_episode(episode_of("x", 1, 2, 5), 1, 5));
  EXPECT_FALSE(is_episode(episode_of("x", 1, 2, 5), 2, 6));
  auto missing = episode_of("x", 1);
  missing.episode_number.reset();
  EXPECT_FALSE(is_episode(missing, 1, 1));
}

}  // namespace
}  // namespace scrapers::opensubtitles
