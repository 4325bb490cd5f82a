#include "scrapers/opensubtitles/parse.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

using testing::read_fixture;

constexpr std::string_view kShowUrl = "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling";

ShowPage parse_fixture_show() {
  auto page = parse_show_page(read_fixture("site/tvshow-2024-solo-leveling.html"), kShowUrl,
                              "text/html; charset=utf-8");
  EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().describe());
  return std::move(page).value_or_throw();
}

TEST(ShowPage, ReportsEveryPanelInPageOrderWithItsNumber) {
  const ShowPage page = parse_fixture_show();
  ASSERT_EQ(page.seasons.size(), 4u);
  EXPECT_EQ(page.seasons[0].header, "Season 1");
  EXPECT_EQ(page.seasons[0].number, 1);
  EXPECT_EQ(page.seasons[1].header, "Season 2");  // U+00A0 in the page
  EXPECT_EQ(page.seasons[1].number, 2);
  EXPECT_EQ(page.seasons[2].header, "Specials");
  EXPECT_EQ(page.seasons[2].number, std::nullopt);
  EXPECT_EQ(page.seasons[3].header, "Season 3");
  EXPECT_TRUE(page.seasons[3].episodes.empty());
  EXPECT_EQ(page.title, "Solo Leveling");
  EXPECT_TRUE(page.warnings.empty());
}

TEST(ShowPage, MatchesTheExpectedEpisodesFileExactly) {
  const ShowPage page = parse_fixture_show();
  const auto expected = nlohmann::json::parse(read_fixture("site/tvshow-2024-solo-leveling.expected.json"));
  ASSERT_EQ(page.seasons.size(), expected["seasons"].size());
  for (std::size_t s = 0; s < page.seasons.size(); ++s) {
    const auto& want = expected["seasons"][s];
    const auto& got = page.seasons[s];
    EXPECT_EQ(got.header, want["header"].get<std::string>());
    ASSERT_EQ(got.episodes.size(), want["episodes"].size()) << got.header;
    for (std::size_t e = 0; e < got.episodes.size(); ++e) {
      EXPECT_EQ(got.episodes[e].label, want["episodes"][e]["label"].get<std::string>());
      EXPECT_EQ(got.episodes[e].title, want["episodes"][e]["title"].get<std::string>());
      EXPECT_EQ(got.episodes[e].url, want["episodes"][e]["url"].get<std::string>());
    }
  }
  EXPECT_EQ(page.episode_count(), 26u);
}

TEST(ShowPage, KeepsUnicodeTitlesAndParsesTheEpisodeCodes) {
  const ShowPage page = parse_fixture_show();
  const ShowEpisode& first = page.seasons[0].episodes[0];
  EXPECT_EQ(first.title, "I\u2019m Used to It");
  ASSERT_TRUE(first.code.has_value());
  EXPECT_EQ(*first.code, (EpisodeCode{1, 1}));
  const ShowEpisode& last = page.seasons[1].episodes.back();
  EXPECT_EQ(last.label, "S02E13");
  EXPECT_EQ(last.title, "Arise from the Shadow (\uadf8\ub9bc\uc790\uc5ec, \uc77c\uc5b4\ub098\ub77c)");
  EXPECT_EQ(*last.code, (EpisodeCode{2, 13}));
}

TEST(ShowPage, ResolvesEpisodeLinksAgainstTheConfiguredSiteBase) {
  auto page = parse_show_page(read_fixture("site/tvshow-2024-solo-leveling.html"),
                              "http://127.0.0.1:18080/en/tvshows/2024-solo-leveling");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->seasons[0].episodes[0].url,
            "http://127.0.0.1:18080/en/tvshows/2024-solo-leveling/seasons/1/episodes/1-i-m-used-to-it");
}

TEST(ShowPage, ChallengePageIsBlockedNotEmpty) {
  auto page = parse_show_page(read_fixture("site/tvshow-challenge.html"),
                              "https://www.opensubtitles.com/en/tvshows/2015-better-call-saul");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::blocked);
  EXPECT_TRUE(is_challenge_page(read_fixture("site/tvshow-challenge.html")));
  EXPECT_FALSE(is_challenge_page(read_fixture("site/tvshow-2024-solo-leveling.html")));
}

TEST(ShowPage, RedesignedPageIsLayoutChanged) {
  auto page = parse_show_page(read_fixture("site/tvshow-2019-dr-stone-redesigned.html"),
                              "https://www.opensubtitles.com/en/tvshows/2019-dr-stone");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(page.error().message.find("#accordion-list"), std::string::npos);
}

TEST(ShowPage, PanelsWithoutAnyEpisodeAreLayoutChangedNotZeroEpisodes) {
  const std::string body =
      "<ul id=\"accordion-list\"><li class=\"panel\"><a class=\"box-sub-season-link\">Season 1</a>"
      "<ul class=\"list-subtitles-inside\" data-src=\"/en/tvshows/x/seasons/1.json\"></ul></li></ul>";
  auto page = parse_show_page(body, kShowUrl);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::layout_changed);
}

TEST(ShowPage, SeasonListWithoutPanelsIsLayoutChanged) {
  auto page = parse_show_page("<ul id=\"accordion-list\"><li class=\"item\">Season 1</li></ul>", kShowUrl);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::layout_changed);
}

TEST(ShowPage, PanelWithoutHeaderIsLayoutChanged) {
  const std::string body =
      "<ul id=\"accordion-list\"><li class=\"panel\"><h4>Season 1</h4><ul class=\"list-subtitles-inside\">"
      "<li class=\"box-sub\"><span class=\"label label-default\">S01E01</span></li></ul></li></ul>";
  auto page = parse_show_page(body, kShowUrl);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(page.error().message.find("panel 1"), std::string::npos);
}

TEST(ShowPage, EpisodeWithoutLabelIsSkippedWithAWarningAndOneWithoutLinkKeepsAnEmptyUrl) {
  const std::string body =
      "<ul id=\"accordion-list\"><li class=\"panel\"><a class=\"box-sub-season-link\">Season 4</a>"
      "<ul class=\"list-subtitles-inside\">"
      "<li class=\"box-sub\"><div class=\"box-sub-headline\"><a href=\"/en/x\">No label</a></div></li>"
      "<li class=\"box-sub\"><span class=\"label label-default\"> S04E02 </span>"
      "<div class=\"box-sub-headline\"><a href=\"javascript:void(0)\">Scripted</a></div></li>"
      "</ul></li></ul>";
  auto page = parse_show_page(body, kShowUrl);
  ASSERT_TRUE(page.ok()) << page.error().describe();
  ASSERT_EQ(page->seasons.size(), 1u);
  ASSERT_EQ(page->seasons[0].episodes.size(), 1u);
  EXPECT_EQ(page->seasons[0].episodes[0].label, "S04E02");
  EXPECT_EQ(page->seasons[0].episodes[0].url, "");
  EXPECT_EQ(page->warnings.size(), 2u);
}

TEST(ShowPage, UndeclaredNonUtf8BytesAreAnEncodingErrorNotGarbage) {
  const std::string body =
      "<ul id=\"accordion-list\"><li class=\"panel\"><a class=\"box-sub-season-link\">Season 1</a>"
      "<ul class=\"list-subtitles-inside\"><li class=\"box-sub\"><span class=\"label label-default\">S01E01</span>"
      "<div class=\"box-sub-headline\"><a href=\"/e\">Caf\xe9</a></div></li></ul></li></ul>";
  auto page = parse_show_page(body, kShowUrl);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::bad_encoding);
}

TEST(SeasonNumber, ReadsSeasonNAnyCaseAndRejectsOtherHeaders) {
  EXPECT_EQ(season_number_of("Season 1"), 1);
  EXPECT_EQ(season_number_of("SEASON  12 (2025)"), 12);
  EXPECT_EQ(season_number_of("Show — season 3"), 3);
  EXPECT_EQ(season_number_of("Specials"), std::nullopt);
  EXPECT_EQ(season_number_of("Season"), std::nullopt);
  EXPECT_EQ(season_number_of("Season1"), std::nullopt);  // the regex needs whitespace
  EXPECT_EQ(season_number_of("Season 12345678"), std::nullopt);
}

TEST(TvshowPath, AcceptsLocaleYearSlugAndRejectsOtherPages) {
  EXPECT_TRUE(is_tvshow_path("/en/tvshows/2024-solo-leveling"));
  EXPECT_TRUE(is_tvshow_path("/pt-BR/tvshows/2016-dirk-gently-s-holistic-detective-agency/"));
  EXPECT_FALSE(is_tvshow_path("/en/tvshows/2024-solo-leveling/seasons/1"));
  EXPECT_FALSE(is_tvshow_path("/en/movies/2024-solo-leveling"));
  EXPECT_FALSE(is_tvshow_path("/en/tvshows/solo-leveling"));
  EXPECT_FALSE(is_tvshow_path("/en/tvshows/2024-"));
  EXPECT_FALSE(is_tvshow_path("/tvshows/2024-solo-leveling"));
  EXPECT_FALSE(is_tvshow_path(""));
}

}  // namespace
}  // namespace scrapers::opensubtitles
