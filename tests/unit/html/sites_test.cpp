// The selectors and extraction steps the site parsers use, on pages shaped like the live sites' pages.
#include <gtest/gtest.h>

#include "common/html/document.hpp"
#include "common/html/script_json.hpp"
#include "common/text/chapter_number.hpp"
#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;

TEST(SitePages, ReadnovelChapterLinesComeFromEveryDuplicatedChapterTextId) {
  const HtmlDocument doc = parse_fixture("readnovel_chapter.html");
  const auto lines = doc.select("div#chapterText");
  ASSERT_EQ(lines.size(), 6U);
  EXPECT_EQ(lines[0].text(), "Jin-Woo opened his eyes.");
  EXPECT_EQ(lines[1].text(), "");
  EXPECT_EQ(lines[2].text(), "“Again?”");
  EXPECT_EQ(lines[4].text(), "Footnote <sup>1</sup> stays literal; AT&T & co.");
  EXPECT_EQ(lines[5].text(), "그는 웃었다. It didn\xEF\xBF\xBDt matter.");
  EXPECT_EQ(doc.select_first("h1[class^=mantine-Title-root]")->text(), "Chapter 2: The Weakest Hunter’s Oath");
}

TEST(SitePages, ReadnovelPaperTextWithoutAdsIsTheChapterBody) {
  const HtmlDocument doc = parse_fixture("readnovel_chapter.html");
  TextOptions opts;
  opts.drop_ads = true;
  EXPECT_EQ(doc.select_first("div.mantine-Paper-root")->text(opts),
            "Jin-Woo opened his eyes.\n“Again?”\nHe sighed… The dungeon gate — a blue rift — hummed.\n"
            "Footnote <sup>1</sup> stays literal; AT&T & co.\n그는 웃었다. It didn\xEF\xBF\xBDt matter.");
  EXPECT_EQ(doc.select_first("nav a[href^='/novel/']")->attr("href"), "/novel/solo-leveling");
}

TEST(SitePages, ChereadsChapterListMatchesOnClassPrefixes) {
  const HtmlDocument doc = parse_fixture("chereads_novel.html");
  const auto links = doc.select("ul[class^=\"ChapterItems_list__\"] > li > a[href]");
  ASSERT_EQ(links.size(), 3U);
  EXPECT_EQ(links[1].attr("href"), "https://www.chereads.com/novel/34048845808168505/91900000000000002");
  EXPECT_EQ(links[2].select_first("[class*=styles_num__] span")->text(), "99");
  EXPECT_EQ(links[2].select_first("strong.ells._3")->text(), "Chapter 98.5 – Interlude");
  EXPECT_EQ(links[2].select_first("small.db.fs12")->text(), "Feb 11, 2024");
  EXPECT_TRUE(links[2].select_first("svg[class*=_lock__]").has_value());
  const auto number = scrapers::text::parse_chapter_number(links[2].select_first("strong")->text());
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(number->str(), "98.5");
}

TEST(SitePages, ChereadsChapterContentWithOriginalCleanup) {
  const HtmlDocument doc = parse_fixture("chereads_chapter.html");
  const auto main = doc.require_first("main#content[data-type='western']");
  ASSERT_TRUE(main.ok());
  EXPECT_EQ(main->select_first("h1.text-1\\.3em")->text(), "Chapter 1 - Light at the End");
  HtmlOptions opts;
  opts.drop_scripts = true;
  opts.drop.push_back(Selector::parse(".ad, .advertisement, h1, h2, h3").value());
  const std::string html = main->inner_html(opts);
  EXPECT_EQ(html.find("<h1"), std::string::npos);
  EXPECT_EQ(html.find("iframe"), std::string::npos);
  EXPECT_EQ(html.find("Advertisement"), std::string::npos);
  EXPECT_NE(html.find("<p>King Grey’s last thought was of the people he had failed.</p>"), std::string::npos);
  EXPECT_NE(html.find("Thanks for reading &amp; see you tomorrow!"), std::string::npos);
}

TEST(SitePages, OpensubtitlesAccordionSeasonsAndEpisodes) {
  const HtmlDocument doc = parse_fixture("opensubtitles_tvshow.html");
  EXPECT_EQ(doc.select_first("h1")->text(), "Solo Leveling");
  const auto seasons = doc.select("#accordion-list > li.panel");
  ASSERT_EQ(seasons.size(), 3U);
  EXPECT_EQ(seasons[1].select_first(".box-sub-season-link")->text(), "Season 2 -Arise from the Shadow-");
  const auto episodes = seasons[0].select(".list-subtitles-inside > li.box-sub");
  ASSERT_EQ(episodes.size(), 2U);
  EXPECT_EQ(episodes[0].select_first(".label-default")->text(), "S01E01");
  const auto link = episodes[0].select_first(".box-sub-headline a");
  EXPECT_EQ(link->text(), "I’m Used to It");
  EXPECT_EQ(link->attr("href"), "/en/tvshows/2024-solo-leveling/seasons/1/episodes/1-i-m-used-to-it");
  EXPECT_TRUE(seasons[2].select("li.box-sub").empty());
  EXPECT_TRUE(doc.select_first("#public_user_links .login-li").has_value());
}
