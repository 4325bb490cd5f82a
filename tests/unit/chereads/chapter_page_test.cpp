#include <gtest/gtest.h>

#include <string>

#include "common/text/inline_html.hpp"
#include "scrapers/chereads/parse.hpp"
#include "tests/unit/chereads/fixture_files.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;
using testing::load_expected;
using testing::load_fixture;

const std::string kChapter = "chapter-34048845808168505-";

// What a reader sees of the paragraphs (their emphasis aside: emphasis_test.cpp).
std::vector<std::string> plain(const std::vector<std::string>& paragraphs) {
  std::vector<std::string> out;
  for (const std::string& p : paragraphs) out.push_back(text::inline_plain_text(p));
  return out;
}

Result<ChapterPage> parse_fixture(const std::string& name) {
  const auto fixture = load_fixture(name);
  return parse_chapter_page(fixture.body, fixture.url);
}

// The page with its embedded JSON script removed, leaving only the rendered HTML.
std::string without_embedded_json(std::string page) {
  for (const char* id : {"<script id=\"vite-plugin-ssr_pageContext\"", "<script id=\"__NEXT_DATA__\""}) {
    const std::size_t start = page.find(id);
    if (start == std::string::npos) continue;
    const std::size_t end = page.find("</script>", start);
    page.erase(start, end + 9 - start);
  }
  return page;
}

std::string paragraphs_of(const std::string& title, const std::string& first, const std::string& rest) {
  json contents = json::array({{{"content", "<p>" + first + "</p>"}}, {{"content", "<p>" + rest + "</p>"}}});
  json root = {
      {"pageProps",
       {{"pageData", {{"chapterInfo", {{"chapterName", title}, {"isAuth", 1}, {"contents", contents}}}}}}}};
  return "<html><body><script id=\"vite-plugin-ssr_pageContext\" type=\"application/json\">" + root.dump() +
         "</script></body></html>";
}

TEST(ChereadsChapterPage, EveryReadableFixtureYieldsTheExpectedTitleAndParagraphs) {
  const json expected = load_expected("chapter-pages.json");
  ASSERT_GE(expected.size(), 10u);
  for (const auto& [name, want] : expected.items()) {
    auto page = parse_fixture(name);
    ASSERT_TRUE(page.ok()) << name << ": " << page.error().describe();
    EXPECT_EQ(page->title, want["title"].get<std::string>()) << name;
    EXPECT_EQ(plain(page->paragraphs), want["paragraphs"].get<std::vector<std::string>>()) << name;
    EXPECT_EQ(page->heading_dropped, want["headingDropped"].get<bool>()) << name;
    EXPECT_FALSE(page->locked) << name;
    const bool html_only = want["format"] == "html";
    EXPECT_EQ(page->source, html_only ? ContentSource::main_html : ContentSource::embedded_json) << name;
    EXPECT_GE(page->characters, kMinChapterCharacters) << name;
  }
}

TEST(ChereadsChapterPage, PageContextRootIsReadWithAndWithoutItsWrapper) {
  auto wrapped = parse_fixture(kChapter + "1.html");  // {"pageContext": {"pageProps": ...}}
  auto bare = parse_fixture(kChapter + "2.html");     // {"pageProps": ...}
  ASSERT_TRUE(wrapped.ok()) << wrapped.error().describe();
  ASSERT_TRUE(bare.ok()) << bare.error().describe();
  EXPECT_EQ(wrapped->source, ContentSource::embedded_json);
  EXPECT_EQ(bare->source, ContentSource::embedded_json);
  EXPECT_EQ(wrapped->title, "Chapter 1 - Light at the End of the Wick");
  EXPECT_EQ(bare->title, "Chapter 2 \u2013 The Keeper\u2019s Oath");
}

TEST(ChereadsChapterPage, BoldFirstParagraphRepeatingTheHeadingIsDropped) {
  auto page = parse_fixture(kChapter + "1.html");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_TRUE(page->heading_dropped);
  ASSERT_FALSE(page->paragraphs.empty());
  EXPECT_EQ(page->paragraphs.front().find("Chapter 1"), std::string::npos) << page->paragraphs.front();
  EXPECT_EQ(page->paragraphs.front().find('*'), std::string::npos);
}

TEST(ChereadsChapterPage, UppercaseHeadingRepeatInMainContentIsDropped) {
  auto page = parse_fixture(kChapter + "4.html");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(page->source, ContentSource::main_html);
  EXPECT_TRUE(page->heading_dropped);
  EXPECT_EQ(page->paragraphs.front().find("CHAPTER 4"), std::string::npos) << page->paragraphs.front();
}

TEST(ChereadsChapterPage, MainContentFallbackLeavesOutScriptsStylesAdsIframesAndHeadings) {
  auto page = parse_fixture(kChapter + "4.html");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  for (const std::string& p : page->paragraphs) {
    for (const char* noise : {"Advertisement", "CheReads app", "__cr_pv", "margin:1em", "End of chapter",
                              "(Hwaseong)", "ads.example.net"}) {
      EXPECT_EQ(p.find(noise), std::string::npos) << noise << " in: " << p;
    }
  }
}

TEST(ChereadsChapterPage, RenderedHtmlGivesTheSameParagraphsAsTheEmbeddedJson) {
  const auto fixture = load_fixture(kChapter + "2.html");
  auto from_json = parse_chapter_page(fixture.body, fixture.url);
  auto from_html = parse_chapter_page(without_embedded_json(fixture.body), fixture.url);
  ASSERT_TRUE(from_json.ok()) << from_json.error().describe();
  ASSERT_TRUE(from_html.ok()) << from_html.error().describe();
  EXPECT_EQ(from_html->source, ContentSource::main_html);
  EXPECT_EQ(from_html->title, from_json->title);
  // The fixture's rendered HTML carries no emphasis where the JSON has some.
  EXPECT_EQ(plain(from_html->paragraphs), plain(from_json->paragraphs));
}

TEST(ChereadsChapterPage, CharacterReferencesReplacementCharactersAndNoBreakSpacesSurvive) {
  auto page = parse_fixture(kChapter + "2.html");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  std::string all;
  for (const std::string& p : page->paragraphs) all += p + "\n";
  EXPECT_EQ(all.find("&rsquo;"), std::string::npos);
  EXPECT_EQ(all.find("&ldquo;"), std::string::npos);
  EXPECT_NE(all.find("didn\uFFFDt"), std::string::npos);
  EXPECT_NE(all.find("\u00a0\u2014\u00a0"), std::string::npos);
  EXPECT_NE(all.find("\ud654\uc131\uc544"), std::string::npos);  // 화성아
}

TEST(ChereadsChapterPage, TheContentTypeCharsetDecidesHowTheBytesAreRead) {
  // A page whose only non-ASCII byte is windows-1252 0xE9 (é).
  std::string page;
  for (char c : load_fixture(kChapter + "1.html").body) {
    if (static_cast<unsigned char>(c) < 0x80) page += c;
  }
  auto ascii = parse_chapter_page(page, "https://www.chereads.com/chapter/1");
  ASSERT_TRUE(ascii.ok()) << ascii.error().describe();
  ASSERT_FALSE(ascii->paragraphs.empty());
  const std::string word = ascii->paragraphs.front().substr(0, ascii->paragraphs.front().find(' '));
  for (std::size_t at = page.find(word); at != std::string::npos; at = page.find(word, at + 4)) {
    page.replace(at, word.size(), "caf\xE9");
  }
  auto declared = parse_chapter_page(page, "https://www.chereads.com/chapter/1",
                                     "text/html; charset=windows-1252");
  ASSERT_TRUE(declared.ok()) << declared.error().describe();
  EXPECT_EQ(declared->paragraphs.front().rfind("caf\u00e9", 0), 0u) << declared->paragraphs.front();
  auto undeclared = parse_chapter_page(page, "https://www.chereads.com/chapter/1");
  ASSERT_TRUE(undeclared.ok()) << undeclared.error().describe();
  EXPECT_EQ(undeclared->paragraphs.front().rfind("caf\uFFFD", 0), 0u) << undeclared->paragraphs.front();
}

TEST(ChereadsChapterPage, LockedChapterIsAResultWithoutParagraphsNotAnError) {
  auto page = parse_fixture(kChapter + "13-locked.html");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_TRUE(page->locked);
  EXPECT_TRUE(page->paragraphs.empty());
  EXPECT_EQ(page->title, "Chapter 13 - The Gate of Long Peace");
}

TEST(ChereadsChapterPage, LockGateInTheRenderedPageAloneMarksTheChapterLocked) {
  const auto fixture = load_fixture(kChapter + "14-locked.html");
  auto page = parse_chapter_page(without_embedded_json(fixture.body), fixture.url);
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_TRUE(page->locked);
  EXPECT_EQ(page->source, ContentSource::main_html);
  EXPECT_EQ(page->title, "Chapter 14 \u2013 Oil and Iron");
}

TEST(ChereadsChapterPage, TooShortChapterIsRefused) {
  auto page = parse_fixture(kChapter + "12-too-short.html");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::missing_field);
  EXPECT_NE(page.error().message.find("too short"), std::string::npos) << page.error().message;
}

TEST(ChereadsChapterPage, ChallengePageIsBlocked) {
  auto page = parse_fixture("challenge.html");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::blocked);
}

TEST(ChereadsChapterPage, UnrecognisedLayoutIsLayoutChanged) {
  auto page = parse_fixture("chapter-unrecognised-layout.html");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(page.error().message.find("main#content"), std::string::npos) << page.error().message;
}

TEST(ChereadsChapterPage, FirstParagraphNamingAnotherChapterIsKept) {
  const std::string rest(120, 'x');
  auto page = parse_chapter_page(paragraphs_of("Chapter 5 - Echo", "Chapter 3 was a lie, she said.", rest), "u");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_FALSE(page->heading_dropped);
  EXPECT_EQ(page->paragraphs.front(), "Chapter 3 was a lie, she said.");
}

TEST(ChereadsChapterPage, HeadingRepeatGivesTheTitleWhenThePageHasNone) {
  const std::string rest(120, 'x');
  auto page = parse_chapter_page(paragraphs_of("", "**Ch.7: Lanterns**", rest), "u");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_TRUE(page->heading_dropped);
  EXPECT_EQ(page->title, "Ch.7: Lanterns");
  EXPECT_EQ(page->paragraphs, std::vector<std::string>{rest});
}

TEST(ChereadsChapterPage, LengthIsCountedInCharactersNotBytes) {
  std::string korean;
  for (int i = 0; i < 60; ++i) korean += "\ud654";  // 60 characters, 180 bytes
  auto short_page = parse_chapter_page(paragraphs_of("Chapter 1", korean, "\ub05d"), "u");
  ASSERT_FALSE(short_page.ok());
  EXPECT_EQ(short_page.error().kind, ErrorKind::missing_field);
  auto long_page = parse_chapter_page(paragraphs_of("Chapter 1", korean, korean), "u");
  ASSERT_TRUE(long_page.ok()) << long_page.error().describe();
  EXPECT_EQ(long_page->characters, 121u);  // two paragraphs of 60 and the line break between them
}

}  // namespace
}  // namespace scrapers::chereads
