// The canonical inline HTML of stored paragraphs (inline_html.hpp): built from events,
// from plain text, checked, split into lines and read back as plain text.
#include "common/text/inline_html.hpp"

#include <gtest/gtest.h>

namespace scrapers::text {
namespace {

TEST(InlineHtml, EmphasisIsWrittenWithoutAttributesAndTextIsEscaped) {
  InlineHtmlBuilder b;
  b.text("Tom & Jerry <3 ");
  b.open(Emphasis::em);
  b.text("really");
  b.close(Emphasis::em);
  b.text(" ran > fast");
  EXPECT_EQ(b.end_paragraph(), "Tom &amp; Jerry &lt;3 <em>really</em> ran &gt; fast");
}

TEST(InlineHtml, EveryAllowedEmphasisKeepsItsNameAndNests) {
  for (const char* name : {"em", "i", "strong", "b", "u", "s", "sup", "sub"}) {
    const auto emphasis = emphasis_named(name);
    ASSERT_TRUE(emphasis) << name;
    InlineHtmlBuilder b;
    b.text("x");
    b.open(*emphasis);
    b.open(Emphasis::b);
    b.text("y");
    EXPECT_EQ(b.end_paragraph(), std::string("x<") + name + "><b>y</b></" + name + ">") << name;
  }
  for (const char* other : {"a", "span", "script", "EM", "strike", "mark"}) EXPECT_FALSE(emphasis_named(other));
}

TEST(InlineHtml, EmptyEmphasisVanishesAndSpacesStayOutsideTheTags) {
  InlineHtmlBuilder b;
  b.open(Emphasis::em);
  b.text("  ");
  b.close(Emphasis::em);
  b.text("a");
  b.open(Emphasis::strong);
  b.text(" b ");
  b.close(Emphasis::strong);
  b.text("c");
  b.open(Emphasis::i);
  b.close(Emphasis::i);
  EXPECT_EQ(b.end_paragraph(), "a <strong>b</strong> c");
}

TEST(InlineHtml, ABreakClosesOpenEmphasisAndReopensItOnTheNextLine) {
  InlineHtmlBuilder b;
  b.open(Emphasis::em);
  b.text("one ");
  b.line_break();
  b.text(" two");
  b.close(Emphasis::em);
  EXPECT_EQ(b.end_paragraph(), "<em>one</em><br><em>two</em>");
}

TEST(InlineHtml, EmptyLinesAndParagraphsAreLeftOut) {
  InlineHtmlBuilder b;
  b.line_break();
  b.open(Emphasis::em);
  b.space();
  b.line_break();
  b.close(Emphasis::em);
  EXPECT_EQ(b.end_paragraph(), "");
  b.text("a");
  b.line_break();
  b.line_break();
  b.text("b");
  b.line_break();
  EXPECT_EQ(b.end_paragraph(), "a<br>b");
}

TEST(InlineHtml, EmphasisStillOpenCarriesIntoTheNextParagraph) {
  InlineHtmlBuilder b;
  b.open(Emphasis::b);
  b.text("first");
  EXPECT_EQ(b.end_paragraph(), "<b>first</b>");
  b.text("second");
  b.close(Emphasis::b);
  b.text(" plain");
  EXPECT_EQ(b.end_paragraph(), "<b>second</b> plain");
}

TEST(InlineHtml, PlainTextGivesTheSameBytesAsTheBuilder) {
  EXPECT_EQ(inline_html_from_text("  a\t b\n\nc & <d>  "), "a b c &amp; &lt;d&gt;");
  EXPECT_EQ(inline_html_from_text(" \n "), "");
  EXPECT_EQ(inline_html_from_text("caf\xC3\xA9 \xC2\xA0x"), "caf\xC3\xA9 \xC2\xA0x");
}

TEST(InlineHtml, LinesAndPlainTextReadTheFormBack) {
  const std::string html = "a &amp; <em>b</em><br><strong>c &lt;d&gt;</strong>";
  EXPECT_EQ(inline_lines(html),
            (std::vector<std::string_view>{"a &amp; <em>b</em>", "<strong>c &lt;d&gt;</strong>"}));
  EXPECT_EQ(inline_plain_text(html), "a & b\nc <d>");
  std::size_t removed = 0;
  EXPECT_EQ(without_lines(
                html, [](std::string_view line) { return line == "a & b"; }, &removed),
            "<strong>c &lt;d&gt;</strong>");
  EXPECT_EQ(removed, 1u);
  EXPECT_EQ(without_lines("x", [](std::string_view) { return true; }), "");
}

TEST(InlineHtml, TheCheckAcceptsTheFormOnly) {
  for (const char* good : {"", "plain", "a &amp; b", "<em>x</em> <b><i>y</i></b>", "a<br><sup>2</sup>"}) {
    EXPECT_TRUE(is_inline_html(good)) << good;
  }
  for (const char* bad : {"<em class=\"x\">y</em>", "<script>x</script>", "<a href=\"u\">x</a>", "<em>x", "x</em>",
                          "<em><b>x</em></b>", "<em>a<br>b</em>", "a & b", "&nbsp;", "a < b", "a > b", "<br/>",
                          "<img src=x onerror=y>", "<EM>x</EM>"}) {
    EXPECT_FALSE(is_inline_html(bad)) << bad;
  }
}

}  // namespace
}  // namespace scrapers::text
