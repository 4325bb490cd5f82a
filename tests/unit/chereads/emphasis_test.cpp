// A chereads chapter keeps its inline emphasis, sanitised, and loses its aggregator
// watermark lines (look-alike letters included), on the emphasis fixture page, from
// the embedded JSON, the DOM path and the rendered main#content alike.
#include <gtest/gtest.h>

#include "common/text/inline_html.hpp"
#include "scrapers/chereads/parse.hpp"
#include "scrapers/runtime/chapter_document.hpp"
#include "tests/unit/chereads/fixture_files.hpp"

namespace scrapers::chereads {
namespace {

const std::string kFixture = "chapter-34048845808168613-1-emphasis.html";

const std::vector<std::string> kExpected = {
    "The <em>first</em> lantern was lit at dusk, and <strong>nobody</strong> in the market looked up.",
    "She wrote H<sub>2</sub>O on the slate and underlined it <u>twice</u>; the 2<sup>nd</sup> mark was "
    "<s>crooked</s>, and <b>she</b> left it so.",
    "He read the note <i>aloud</i>: the old ward still held.",
    "The bell rang twice.",
    "He had read it on novelfull.com years ago, before the site went dark.",
    "Ink-black smoke curled from the brazier and spelled nothing at all; above the walls the stars looked like "
    "embers that had given up, and the keeper counted the steps to the tower again.",
};

// The page with its embedded JSON script removed, leaving only the rendered HTML.
std::string rendered_only(std::string page) {
  const std::size_t start = page.find("<script id=\"vite-plugin-ssr_pageContext\"");
  page.erase(start, page.find("</script>", start) + 9 - start);
  return page;
}

TEST(ChereadsEmphasis, TheChapterKeepsItsEmphasisAndLosesWatermarksHeadingAndEmptyParagraphs) {
  const auto fixture = testing::load_fixture(kFixture);
  for (const auto path : {html::ParsePath::scan_first, html::ParsePath::dom_only}) {
    auto page = parse_chapter_page(fixture.body, fixture.url, "text/html; charset=utf-8", path);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    EXPECT_EQ(page->source, ContentSource::embedded_json);
    EXPECT_EQ(page->paragraphs, kExpected);
    EXPECT_TRUE(page->heading_dropped);
    EXPECT_EQ(page->watermark_lines, 3u)
        << "small capitals + Greek, small capitals after <br>, Cyrillic + full-width";
  }
}

TEST(ChereadsEmphasis, TheRenderedMainContentGivesTheSameParagraphs) {
  const auto fixture = testing::load_fixture(kFixture);
  auto page = parse_chapter_page(rendered_only(fixture.body), fixture.url);
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(page->source, ContentSource::main_html);
  EXPECT_EQ(page->paragraphs, kExpected);
  EXPECT_EQ(page->watermark_lines, 3u);
}

TEST(ChereadsEmphasis, TheStoredDocumentCarriesOnlyTheAllowedTagsAndNoEmptyParagraph) {
  const auto fixture = testing::load_fixture(kFixture);
  auto page = parse_chapter_page(fixture.body, fixture.url);
  ASSERT_TRUE(page.ok());
  const std::string document = runtime::build_chapter_document(page->title, page->paragraphs, {},
                                                               runtime::ParagraphFormat::inline_html);
  EXPECT_NE(document.find("<p>The <em>first</em> lantern"), std::string::npos) << document;
  EXPECT_NE(document.find("H<sub>2</sub>O"), std::string::npos);
  EXPECT_NE(document.find("<p>He read the note <i>aloud</i>: the old ward still held.</p>"), std::string::npos);
  for (const char* absent : {"onclick", "onmouseover", "href=\"https://evil", "<script", "alert", "<a ",
                             "class=\"lead", "<p></p>", "<p><br>", "BOX", "\u0299", "reading on", "ᴄᴏᴍ"}) {
    EXPECT_EQ(document.find(absent), std::string::npos) << absent;
  }
}

TEST(ChereadsEmphasis, EachFragmentIsReadOnItsOwn) {
  // Markup left open in one fragment does not reach the next, on either path.
  const nlohmann::json root = {
      {"pageProps",
       {{"pageData",
         {{"chapterInfo",
           {{"chapterName", "Chapter 3"},
            {"isAuth", 1},
            {"contents", nlohmann::json::array({"<p><b>left open",
                                                "<p>plain after, and long enough to count as a "
                                                "chapter of text for the length check to pass "
                                                "without any trouble at all, really.</p>"})}}}}}}}};
  const std::string body = "<html><body><script id=\"vite-plugin-ssr_pageContext\" type=\"application/json\">" +
                           root.dump() + "</script>";
  for (const auto path : {html::ParsePath::scan_first, html::ParsePath::dom_only}) {
    auto page = parse_chapter_page(body, "https://www.chereads.com/novel/1/2", {}, path);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    ASSERT_EQ(page->paragraphs.size(), 2u);
    EXPECT_EQ(page->paragraphs[0], "<b>left open</b>");
    EXPECT_EQ(page->paragraphs[1].rfind("plain after", 0), 0u) << page->paragraphs[1];
  }
}

}  // namespace
}  // namespace scrapers::chereads
