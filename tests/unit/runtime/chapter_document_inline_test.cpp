// build_chapter_document with inline-HTML paragraphs (chereads): the allowed emphasis
// is written as is, anything not in the canonical form is escaped, and no paragraph
// without visible text is stored.
#include "scrapers/runtime/chapter_document.hpp"

#include <gtest/gtest.h>

#include "common/html/document.hpp"

namespace scrapers::runtime {
namespace {

std::string body_of(const std::vector<std::string>& paragraphs, ParagraphFormat format) {
  const std::string document = build_chapter_document("T", paragraphs, {}, format);
  const std::size_t start = document.find("<main id=\"content\">\n") + 20;
  return document.substr(start, document.find("</main>") - start);
}

TEST(ChapterDocumentInline, AllowedEmphasisAndBreaksAreWrittenAsTheyAre) {
  EXPECT_EQ(
      body_of({"a <em>b</em> &amp; <strong><i>c</i></strong><br>H<sub>2</sub>O <u>u</u> <s>s</s> 2<sup>nd</sup>"},
              ParagraphFormat::inline_html),
      "<p>a <em>b</em> &amp; <strong><i>c</i></strong><br>H<sub>2</sub>O <u>u</u> <s>s</s> 2<sup>nd</sup></p>\n");
}

TEST(ChapterDocumentInline, AnythingOutsideTheFormIsEscapedAsText) {
  EXPECT_EQ(body_of({"<em onclick=\"x()\">a</em>", "<script>alert(1)</script>", "<a href=\"u\">l</a>", "<em>open"},
                    ParagraphFormat::inline_html),
            "<p>&lt;em onclick=\"x()\"&gt;a&lt;/em&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
            "<p>&lt;a href=\"u\"&gt;l&lt;/a&gt;</p>\n<p>&lt;em&gt;open</p>\n");
}

TEST(ChapterDocumentInline, NoEmptyParagraphOrEmptyLineIsStored) {
  EXPECT_EQ(
      body_of({"", "<br>", "<em>\xC2\xA0</em><br><b>\xE2\x80\x8B</b>", " ", "x<br>\xC2\xA0<br>y", "<br>z<br>"},
              ParagraphFormat::inline_html),
      "<p>x<br>y</p>\n<p>z</p>\n");
}

TEST(ChapterDocumentInline, PlainTextParagraphsStayEscapedText) {
  EXPECT_EQ(body_of({"a <em>b</em>"}, ParagraphFormat::text), "<p>a &lt;em&gt;b&lt;/em&gt;</p>\n");
}

TEST(ChapterDocumentInline, TheDocumentParsesBackWithItsEmphasisAsElements) {
  const std::string document = build_chapter_document("T", {"one <em>two</em><br>three"}, {},
                                                      ParagraphFormat::inline_html);
  auto parsed = html::HtmlDocument::parse(document);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->select("main#content > p").size(), 1u);
  EXPECT_EQ(parsed->select("main#content > p > em").size(), 1u);
  EXPECT_EQ(parsed->select("main#content > p > br").size(), 1u);
  EXPECT_EQ(parsed->select_first("main#content > p")->text(), "one two\nthree");
}

}  // namespace
}  // namespace scrapers::runtime
