#include "common/html/document.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;
using scrapers::ErrorKind;

TEST(HtmlDocument, ParsesAFragmentIntoAFullTree) {
  const HtmlDocument doc = parse_html("<p class=x>hello</p>");
  EXPECT_EQ(doc.root().tag_name(), "html");
  EXPECT_EQ(doc.document().kind(), NodeKind::document);
  ASSERT_TRUE(doc.select_first("body > p.x").has_value());
  EXPECT_EQ(doc.root().parent(), doc.document());
  EXPECT_FALSE(doc.document().parent().has_value());
}

TEST(HtmlDocument, EmptyInputStillHasHtmlHeadAndBody) {
  const HtmlDocument doc = parse_html("");
  EXPECT_EQ(doc.root().tag_name(), "html");
  EXPECT_TRUE(doc.select_first("head").has_value());
  EXPECT_TRUE(doc.select_first("body").has_value());
  EXPECT_EQ(doc.text(), "");
}

TEST(HtmlDocument, NodesStayValidAfterTheDocumentIsMoved) {
  // A short input lives in the std::string's inline buffer; the tree must not point there.
  HtmlDocument doc = parse_html("<b>x</b>");
  const HtmlNode b = *doc.select_first("b");
  HtmlDocument moved = std::move(doc);
  EXPECT_EQ(b.text(), "x");
  EXPECT_EQ(b.outer_html(), "<b>x</b>");
  HtmlDocument assigned = parse_html("<i>y</i>");
  assigned = std::move(moved);
  EXPECT_EQ(assigned.select_first("b")->text(), "x");
  EXPECT_EQ(b.text(), "x");
}

TEST(HtmlDocument, RejectsInputAboveTheSizeLimit) {
  ParseOptions small;
  small.max_input_bytes = 10;
  const auto r = HtmlDocument::parse("<p>more than ten bytes</p>", {}, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
}

TEST(HtmlDocument, SurvivesDeeplyNestedMarkup) {
  // gumbo frees its tree recursively (a million levels overflow an 8 MiB stack); the
  // document flattens deep trees first, and every traversal here must be iterative.
  // The pre-scan would refuse such a page; its limits are lifted to reach the tree code.
  constexpr int kDepth = 1000000;
  ParseOptions unbounded;
  unbounded.limits.max_depth = 2 * kDepth;
  unbounded.limits.max_elements = 2 * kDepth;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<span>";
  html += "deep";
  const auto start = std::chrono::steady_clock::now();
  {
    const HtmlDocument doc = HtmlDocument::parse(html, {}, unbounded).value_or_throw();
    EXPECT_EQ(doc.select("span").size(), static_cast<std::size_t>(kDepth));
    EXPECT_EQ(doc.text(), "deep");
    EXPECT_EQ(doc.select_first("body")->inner_html().size(), html.size() + kDepth * 7);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(HtmlDocument, TitleIsEmptyWhenAbsent) {
  EXPECT_EQ(parse_html("<p>x</p>").title(), "");
  EXPECT_EQ(parse_html("<title> A  &amp; B </title>").title(), "A & B");
}

TEST(HtmlDocument, AttributesAreDecodedAndLookedUpCaseInsensitively) {
  const HtmlDocument doc = parse_html("<a HREF=\"/x?a=1&amp;b=2\" data-Id=17>t</a>");
  const HtmlNode a = *doc.select_first("a");
  EXPECT_EQ(a.attr("href"), "/x?a=1&b=2");
  EXPECT_EQ(a.attr("HREF"), "/x?a=1&b=2");
  EXPECT_EQ(a.attr("data-id"), "17");
  EXPECT_FALSE(a.attr("title").has_value());
  EXPECT_EQ(a.id(), "");
}

TEST(HtmlDocument, ChildrenAndSiblingsWalkTheTree) {
  const HtmlDocument doc = parse_html("<ul id=l><li>a</li> text <li>b</li><!--c--><li>c</li></ul>");
  const HtmlNode ul = *doc.select_first("#l");
  EXPECT_EQ(ul.children().size(), 5U);
  const auto items = ul.element_children();
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0].next_element_sibling(), items[1]);
  EXPECT_EQ(items[1].next_element_sibling(), items[2]);
  EXPECT_FALSE(items[2].next_element_sibling().has_value());
  EXPECT_EQ(items[1].parent(), ul);
  EXPECT_EQ(ul.children()[3].kind(), NodeKind::comment);
}

TEST(HtmlDocument, UnknownElementsKeepTheirNames) {
  const HtmlDocument doc = parse_html("<my-widget data-x=1>w</my-widget>");
  const auto w = doc.select_first("my-widget");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->tag_name(), "my-widget");
  EXPECT_EQ(w->outer_html(), "<my-widget data-x=\"1\">w</my-widget>");
}
