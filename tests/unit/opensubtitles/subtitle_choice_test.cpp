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

TEST(SubtitleChoice, PicksTheFileWithTheLowestCdNumber) {
  auto r = result("6", true, 1);
  r.files = {SubtitleFile{60, std::nullopt, "x.srt"}, SubtitleFile{62, 2, "cd2.srt"},
             SubtitleFile{61, 1, "cd1.srt"}};
  EXPECT_EQ(choose_subtitle({r}, english()).choice->file_id, 61);
}

TEST(LanguageList, SplitsNormalisedCodes) {
  EXPECT_EQ(language_list("pt-BR, en"), (std::vector<std::string>{"en", "pt-br"}));
  EXPECT_TRUE(language_list(" , ").empty());
}

}  // namespace
}  // namespace scrapers::opensubtitles
