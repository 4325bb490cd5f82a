#include "scrapers/opensubtitles/subtitle_choice.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

std::vector<SubtitleResult> fixture_results(std::string_view name) {
  return parse_search_response(testing::read_fixture(name)).value_or_throw().results;
}

ChoiceOptions english() { return ChoiceOptions{{"en"}, false}; }

SubtitleResult result(std::string id, std::optional<bool> trusted, std::optional<std::int64_t> downloads) {
  SubtitleResult r;
  r.id = std::move(id);
  r.language = "en";
  r.from_trusted = trusted;
  r.download_count = downloads;
  r.files.push_back(SubtitleFile{std::stoll(r.id), 1, r.id + ".srt"});
  return r;
}

TEST(SubtitleChoice, TakesTheBestResultWhenItComesFirst) {
  const ChoiceReport report = choose_subtitle(fixture_results("api/search-s01e01-best-first.json"), english());
  ASSERT_TRUE(report.choice.has_value());
  EXPECT_EQ(report.choice->subtitle_id, "7712001");
  EXPECT_EQ(report.choice->file_id, 8123001);
  EXPECT_EQ(report.choice->result_index, 0u);
  EXPECT_EQ(report.other_language, 1u);  // the pt-BR result
}

TEST(SubtitleChoice, PassesOverMachineAndAiTranslationsAndPrefersTrustedOverDownloads) {
  const ChoiceReport report = choose_subtitle(fixture_results("api/search-s01e02-machine-translated-first.json"),
                                              english());
  ASSERT_TRUE(report.choice.has_value());
  EXPECT_EQ(report.choice->file_id, 8124004);  // trusted, 410 downloads, beats untrusted 3120
  EXPECT_EQ(report.machine_translated, 1u);
  EXPECT_EQ(report.ai_translated, 1u);
  EXPECT_EQ(report.summary(), "2 results passed over: 1 machine-translated, 1 AI-translated");
}

TEST(SubtitleChoice, AllowsAiTranslationsOnlyWhenAsked) {
  const auto results = fixture_results("api/search-s01e02-machine-translated-first.json");
  std::vector<SubtitleResult> untrusted(results.begin(), results.begin() + 3);  // MT, AI, human untrusted
  EXPECT_EQ(choose_subtitle(untrusted, english()).choice->file_id, 8124003);
  const ChoiceReport allowed = choose_subtitle(untrusted, ChoiceOptions{{"en"}, true});
  EXPECT_EQ(allowed.choice->file_id, 8124002);  // AI, 9001 downloads
  EXPECT_EQ(allowed.machine_translated, 1u);    // machine translations stay excluded
}

TEST(SubtitleChoice, SkipsResultsWithoutFiles) {
  const ChoiceReport report = choose_subtitle(fixture_results("api/search-s01e03-empty-files.json"), english());
  ASSERT_TRUE(report.choice.has_value());
  EXPECT_EQ(report.choice->file_id, 8125002);
  EXPECT_EQ(report.without_files, 1u);
}

TEST(SubtitleChoice, FindsTheOnlyUsableResultAmongNullFieldsWithCaseInsensitiveLanguage) {
  const ChoiceReport report = choose_subtitle(fixture_results("api/search-s01e04-null-fields.json"), english());
  ASSERT_TRUE(report.choice.has_value());
  EXPECT_EQ(report.choice->subtitle_id, "7715006");
  EXPECT_EQ(report.choice->file_name, "../../evil/../x.srt");
  EXPECT_EQ(report.other_language, 3u);  // null language counts as no match
  EXPECT_EQ(report.without_files, 1u);
}

TEST(SubtitleChoice, EmptyResultChoosesNothing) {
  const ChoiceReport report = choose_subtitle(fixture_results("api/search-s02e01-empty.json"), english());
  EXPECT_FALSE(report.choice.has_value());
  EXPECT_EQ(report.summary(), "");
}

TEST(SubtitleChoice, BreaksTiesByDownloadCountThenByApiOrder) {
  const std::vector<SubtitleResult> results = {result("1", std::nullopt, std::nullopt), result("2", false, 50),
                                               result("3", false, 50), result("4", std::nullopt, 10)};
  EXPECT_EQ(choose_subtitle(results, english()).choice->subtitle_id, "2");
}

TEST(SubtitleChoice, AcceptsAnyLanguageWhenNoneIsGiven) {
  auto r = result("5", false, 1);
  r.language = "pt-BR";
  EXPECT_TRUE(choose_subtitle({r}, ChoiceOptions{}).choice.has_value());
  EXPECT_TRUE(choose_subtitle({r}, ChoiceOptions{language_list("EN, pt-br"), false}).choice.has_value());
  EXPECT_FALSE(choose_subtitle({r}, english()).choice.has_value());
}

TEST(SubtitleChoice, OrdersThePartsByCdNumberThenListOrder) {
  auto r = result("6", true, 1);
  r.files = {SubtitleFile{60, std::nullopt, "x.srt"}, SubtitleFile{62, 2, "cd2.srt"},
             SubtitleFile{61, 1, "cd1.srt"}, SubtitleFile{63, std::nullopt, "y.srt"}};
  const auto choice = choose_subtitle({r}, english()).choice;
  EXPECT_EQ(choice->file_id, 61);
  ASSERT_EQ(choice->parts.size(), 4u);
  EXPECT_EQ(choice->parts[1].file_id, 62);
  EXPECT_EQ(choice->parts[2].file_id, 60);
  EXPECT_EQ(choice->parts[3].file_id, 63);
}

EpisodeTarget blue_lock(int episode) { return EpisodeTarget{ShowIdentity{"Blue Lock", {}}, 1, episode}; }

TEST(EpisodeSubtitle, AnotherShowRankedFirstIsNeverChosen) {
  const auto results = fixture_results("api/search-bluelock-s01e01-other-shows-first.json");
  // Ranking alone (the old choice) takes Locke & Key: trusted, the most downloads.
  EXPECT_EQ(choose_subtitle(results, english()).choice->file_id, 8304001);
  const ChoiceReport report = choose_episode_subtitle(results, english(), blue_lock(1));
  ASSERT_TRUE(report.choice.has_value());
  EXPECT_EQ(report.choice->file_id, 8302001);
  EXPECT_EQ(report.choice->file_name, "[SubsPlease] Blue Lock - 01 (1080p).en.srt");
  EXPECT_EQ(report.other_show, 3u);
  EXPECT_EQ(report.other_episode, 1u);  // Blue Lock S01E02, trusted, more downloads
  EXPECT_EQ(report.summary(),
            "4 results passed over: 3 for another show ('Locke & Key', 'Blue Exorcist', 'Blue Period'), "
            "1 for another episode");
  ASSERT_TRUE(report.certain_ids.has_value());
  EXPECT_EQ(report.certain_ids->feature_id, 1702201);
  EXPECT_EQ(report.certain_ids->imdb_id, 15231212);
  EXPECT_EQ(report.certain_ids->tmdb_id, 127249);
}

TEST(EpisodeSubtitle, NothingOfTheShowIsNotFoundWithWhatWasSeen) {
  const ChoiceReport report = choose_episode_subtitle(
      fixture_results("api/search-bluelock-s01e03-other-shows-only.json"), english(), blue_lock(3));
  EXPECT_FALSE(report.choice.has_value());
  EXPECT_FALSE(report.certain_ids.has_value());
  EXPECT_EQ(report.summary(),
            "3 results passed over: 2 for another show ('Blue Exorcist', 'Blue Period'), 1 naming no show");
}

TEST(EpisodeSubtitle, ResultsOfTwoShowsWithTheSameTitleAreNotGuessedBetween) {
  auto a = result("1", true, 100);
  a.parent_title = "Blue Lock";
  a.parent_feature_id = 1702201;
  a.season_number = 1;
  a.episode_number = 1;
  auto b = a;
  b.id = "2";
  b.parent_feature_id = 1709999;
  const ChoiceReport report = choose_episode_subtitle({a, b}, english(), blue_lock(1));
  EXPECT_FALSE(report.choice.has_value());
  EXPECT_EQ(report.ambiguous_ids, (std::vector<std::int64_t>{1702201, 1709999}));
  // Once the show's id is known there is nothing to guess.
  EpisodeTarget known = blue_lock(1);
  known.show.ids.feature_id = 1709999;
  const ChoiceReport by_id = choose_episode_subtitle({a, b}, english(), known);
  ASSERT_TRUE(by_id.choice.has_value());
  EXPECT_EQ(by_id.choice->subtitle_id, "2");
  EXPECT_EQ(by_id.other_show, 1u);
}

TEST(EpisodeSubtitle, ASubtitleInSeveralPartsKeepsEveryPartInCdOrder) {
  const ChoiceReport report = choose_episode_subtitle(fixture_results("api/search-bluelock-s01e06-two-parts.json"),
                                                      english(), blue_lock(6));
  ASSERT_TRUE(report.choice.has_value());
  ASSERT_EQ(report.choice->parts.size(), 2u);
  EXPECT_EQ(report.choice->parts[0].file_id, 8302061);
  EXPECT_EQ(report.choice->parts[1].file_id, 8302062);
  EXPECT_EQ(report.choice->file_id, 8302061);
}

TEST(EpisodeSubtitle, TitlesShownInTheReasonAreOneBoundedLine) {
  auto r = result("1", true, 1);
  r.parent_title = "Evil\nShow\x1b[31m " + std::string(100, 'x');
  r.season_number = 1;
  r.episode_number = 1;
  const ChoiceReport report = choose_episode_subtitle({r}, english(), blue_lock(1));
  ASSERT_EQ(report.other_show_titles.size(), 1u);
  const std::string& shown = report.other_show_titles[0];
  EXPECT_EQ(shown.find('\n'), std::string::npos);
  EXPECT_EQ(shown.find('\x1b'), std::string::npos);
  EXPECT_LE(shown.size(), 63u);
}

TEST(LanguageList, SplitsNormalisedCodes) {
  EXPECT_EQ(language_list("pt-BR, en"), (std::vector<std::string>{"en", "pt-br"}));
  EXPECT_TRUE(language_list(" , ").empty());
}

}  // namespace
}  // namespace scrapers::opensubtitles
