#include "scrapers/runtime/chapter_document.hpp"

#include <gtest/gtest.h>

#include "common/html/document.hpp"

#ifdef READNOVEL_HAVE_LIBXML2
#include <libxml/parser.h>
#endif

namespace scrapers::runtime {
namespace {

std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) ++n;
  return n;
}

const std::vector<std::string> kHostileParagraphs = {"She said “<b>hello</b>” & left.",
                                                     "",
                                                     "   ",
                                                     "Tom & Jerry's \"quote\" </p><script>alert(1)</script>",
                                                     "ctrl\x01"
                                                     "char\x0B"
                                                     "and\xEF\xBF\xBE"
                                                     "nonchar",
                                                     "bad \xC3 byte",
                                                     "\uFFFD kept"};

TEST(ChapterDocument, IsWellFormedXmlWhateverTheText) {
#ifdef READNOVEL_HAVE_LIBXML2
  const std::string doc = build_chapter_document("Swords & Sorcery <Part 1> \x02", kHostileParagraphs,
                                                 {"en", "https://readnovel.eu/chapter/a?x=1&y=\"2\""});
  xmlDocPtr parsed = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "chapter.html", "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  EXPECT_NE(parsed, nullptr) << doc;
  xmlFreeDoc(parsed);
#else
  GTEST_SKIP() << "libxml2 development files are not installed, so XML well-formedness cannot be checked";
#endif
}

TEST(ChapterDocument, ParsesBackToTheSameTitleAndParagraphs) {
  const std::string doc = build_chapter_document("Chapter 2: The Weakest Hunter’s Oath",
                                                 {"Jin-Woo opened his eyes.", "“Again?”", "He sighed…"});
  auto parsed = html::HtmlDocument::parse(doc);
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  EXPECT_EQ(parsed->title(), "Chapter 2: The Weakest Hunter’s Oath");
  EXPECT_EQ(parsed->select_first("h1")->text(), "Chapter 2: The Weakest Hunter’s Oath");
  // The original worker's shape: <h1> in the body, then the text inside <main id="content">.
  EXPECT_EQ(parsed->select("body > h1").size(), 1u);
  ASSERT_EQ(parsed->select("body > main#content").size(), 1u);
  EXPECT_LT(doc.find("<h1>"), doc.find("<main id=\"content\">"));
  const auto paragraphs = parsed->select("body > main#content > p");
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0].text(), "Jin-Woo opened his eyes.");
  EXPECT_EQ(paragraphs[1].text(), "“Again?”");
  EXPECT_EQ(paragraphs[2].text(), "He sighed…");
}

TEST(ChapterDocument, TitleIsEscapedInTitleAndHeading) {
  const std::string doc = build_chapter_document("Swords & Sorcery <Part 1>", {"x"});
  EXPECT_NE(doc.find("<title>Swords &amp; Sorcery &lt;Part 1&gt;</title>"), std::string::npos);
  EXPECT_NE(doc.find("<h1>Swords &amp; Sorcery &lt;Part 1&gt;</h1>"), std::string::npos);
}

TEST(ChapterDocument, DeclaresUtf8AndLanguage) {
  const std::string doc = build_chapter_document("T", {"x"}, {"ko", {}});
  EXPECT_EQ(doc.rfind("<!DOCTYPE html>\n<html lang=\"ko\">", 0), 0u);
  EXPECT_NE(doc.find("<meta charset=\"utf-8\" />"), std::string::npos);
  EXPECT_EQ(build_chapter_document("T", {"x"}, {"en\"><script>", {}}).find("<script>"), std::string::npos);
}

TEST(ChapterDocument, OneParagraphElementPerNonEmptyParagraphWithTextEscaped) {
  const std::string doc = build_chapter_document("T", kHostileParagraphs);
  EXPECT_EQ(count(doc, "<p>"), 5u);
  EXPECT_NE(doc.find("<p>She said “&lt;b&gt;hello&lt;/b&gt;” &amp; left.</p>"), std::string::npos);
  EXPECT_EQ(doc.find("<script>"), std::string::npos);
  EXPECT_NE(doc.find("<p>ctrlcharandnonchar</p>"), std::string::npos);
  EXPECT_NE(doc.find("<p>bad \uFFFD byte</p>"), std::string::npos);
  EXPECT_NE(doc.find("<p>\uFFFD kept</p>"), std::string::npos);
}

TEST(ChapterDocument, NoEmptyParagraphIsEverWritten) {
  const std::string doc = build_chapter_document(
      "T", {"\u00A0", "\u200B\u200D\uFEFF", " \u3000 ", "\x01\x02", "\xEF\xBF\xBE", "kept"});
  EXPECT_EQ(count(doc, "<p>"), 1u) << doc;
  EXPECT_NE(doc.find("<p>kept</p>"), std::string::npos);
}

TEST(ChapterDocument, EmptyTitleBecomesUntitled) {
  EXPECT_NE(build_chapter_document(" \n ", {"x"}).find("<h1>Untitled</h1>"), std::string::npos);
}

TEST(ChapterDocument, CanonicalLinkIsWrittenEscapedOnlyWhenGiven) {
  EXPECT_EQ(build_chapter_document("T", {"x"}).find("canonical"), std::string::npos);
  const std::string doc = build_chapter_document("T", {"x"}, {"en", "https://h/c?a=1&b=\"2\""});
  EXPECT_NE(doc.find("<link rel=\"canonical\" href=\"https://h/c?a=1&amp;b=&quot;2&quot;\" />"),
            std::string::npos);
}

TEST(ChapterDocument, EqualInputGivesEqualBytes) {
  EXPECT_EQ(build_chapter_document("T", kHostileParagraphs), build_chapter_document("T", kHostileParagraphs));
}

}  // namespace
}  // namespace scrapers::runtime
