#include <gtest/gtest.h>

#include "common/html/document.hpp"
#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;

namespace {
std::string body_text(std::string html, const TextOptions& options = {}) {
  return parse_html(std::move(html)).select_first("body")->text(options);
}
}  // namespace

TEST(NodeText, CollapsesWhitespaceInsideInlineContent) {
  EXPECT_EQ(body_text("  Jin-Woo   <b>opened</b>\n\t his <i>eyes</i>.  "), "Jin-Woo opened his eyes.");
  EXPECT_EQ(body_text("a<span></span>b"), "ab");
  EXPECT_EQ(body_text("a <span> </span> b"), "a b");
}

TEST(NodeText, PutsBlockElementsOnTheirOwnLines) {
  EXPECT_EQ(body_text("<p>one</p><p>two</p><div>three<div>four</div>five</div>"), "one\ntwo\nthree\nfour\nfive");
  EXPECT_EQ(body_text("<h1>Title</h1>Intro<ul><li>a</li><li>b</li></ul>"), "Title\nIntro\na\nb");
  EXPECT_EQ(body_text("x<blockquote>q</blockquote><section>s</section>y"), "x\nq\ns\ny");
}

TEST(NodeText, EmptyBlocksDoNotCreateBlankLines) {
  EXPECT_EQ(body_text("<div>a</div><div></div><div> </div><div>b</div>"), "a\nb");
}

TEST(NodeText, LineBreaksFromBrKeepAtMostOneBlankLine) {
  EXPECT_EQ(body_text("a<br>b"), "a\nb");
  EXPECT_EQ(body_text("a<br><br>b"), "a\n\nb");
  EXPECT_EQ(body_text("a<br><br><br><br>b"), "a\n\nb");
  EXPECT_EQ(body_text("<p>a<br></p><p>b</p>"), "a\nb");
  EXPECT_EQ(body_text("<br>a<br>"), "a");
}

TEST(NodeText, TableRowsAreLinesAndCellsAreSpaced) {
  EXPECT_EQ(body_text("<table><tr><td>S01E01</td><td>Title</td></tr><tr><th>x</th><td>y</td></tr></table>"),
            "S01E01 Title\nx y");
}

TEST(NodeText, PreformattedTextIsKeptVerbatim) {
  EXPECT_EQ(body_text("<p>before</p><pre>  line 1\n    line 2</pre><p>after</p>"),
            "before\n  line 1\n    line 2\nafter");
}

TEST(NodeText, SkipsScriptsStylesAndHead) {
  const HtmlDocument doc = parse_html(
      "<head><title>T</title><style>p{}</style></head><body><script>var x=1;</script>"
      "<p>visible</p><noscript>enable js</noscript><template><p>t</p></template></body>");
  EXPECT_EQ(doc.text(), "visible");
  EXPECT_EQ(doc.select_first("title")->text(), "T");  // a skipped element is readable directly
}

TEST(NodeText, DecodesCharacterReferencesOnce) {
  EXPECT_EQ(body_text("AT&amp;T &lt;sup&gt; &amp;lt; &hellip; &#8217;"), "AT&T <sup> &lt; … ’");
}

TEST(NodeText, NoBreakSpacesAreKeptUnlessAsked) {
  EXPECT_EQ(body_text("5&nbsp;hours&nbsp; ago"), "5\xC2\xA0hours\xC2\xA0 ago");
  TextOptions opts;
  opts.nbsp_to_space = true;
  EXPECT_EQ(body_text("5&nbsp;hours&nbsp; ago", opts), "5 hours ago");
}

TEST(NodeText, CanDropAdsAndCallerSelectedElements) {
  const std::string html =
      "<main><h1>Chapter 1</h1><p>Body one.</p><div class=\"ad\">Buy</div><ins class=adsbygoogle>x</ins>"
      "<p>Body two.</p><h2>Note</h2></main>";
  EXPECT_EQ(body_text(html), "Chapter 1\nBody one.\nBuy\nx\nBody two.\nNote");
  TextOptions opts;
  opts.drop_ads = true;
  opts.drop.push_back(Selector::parse("h1, h2, h3").value());
  EXPECT_EQ(body_text(html, opts), "Body one.\nBody two.");
}

TEST(NodeText, RawTextReturnsScriptSourceVerbatim) {
  const HtmlDocument doc = parse_html("<script id=s>if (a < b && c) { x = \"</div>\"; }</script>");
  EXPECT_EQ(doc.select_first("#s")->raw_text(), "if (a < b && c) { x = \"</div>\"; }");
}

TEST(NodeText, TextOfATextNodeIsItsContent) {
  const HtmlDocument doc = parse_html("<p>  hi  <b>there</b></p>");
  const auto kids = doc.select_first("p")->children();
  ASSERT_EQ(kids.size(), 2U);
  EXPECT_EQ(kids[0].kind(), NodeKind::text);
  EXPECT_EQ(kids[0].text(), "hi");
}

TEST(AdDetection, RecognisesAdSlotsButNotLookalikeNames) {
  const HtmlDocument doc = parse_html(
      "<div id=a1 class=ad></div><div id=a2 class='x ads-top'></div><div id=a3 class=sidebar_ad></div>"
      "<div id=a4 class=advertisement></div><ins id=a5 class=adsbygoogle></ins><div id=a6 data-ad-slot=1></div>"
      "<div id=adContainer></div>"
      "<div id=n1 class=header></div><div id=n2 class=download></div><div id=n3 class=badge></div>"
      "<div id=n4 class=add-to-cart></div><div id=n5 class='shadow loading'></div><div id=n6 "
      "class=mantine-Text-root></div>");
  for (const char* id : {"a1", "a2", "a3", "a4", "a5", "a6", "adContainer"}) {
    EXPECT_TRUE(is_ad_element(*doc.select_first(std::string("#") + id))) << id;
  }
  for (const char* id : {"n1", "n2", "n3", "n4", "n5", "n6"}) {
    EXPECT_FALSE(is_ad_element(*doc.select_first(std::string("#") + id))) << id;
  }
}
