#include <gtest/gtest.h>

#include "common/html/document.hpp"
#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;

TEST(Serialize, OuterHtmlIncludesTheElementAndInnerHtmlOnlyItsContent) {
  const HtmlDocument doc = parse_html("<div id=d class='a b'><p>x</p></div>");
  const HtmlNode d = *doc.select_first("#d");
  EXPECT_EQ(d.outer_html(), "<div id=\"d\" class=\"a b\"><p>x</p></div>");
  EXPECT_EQ(d.inner_html(), "<p>x</p>");
}

TEST(Serialize, EscapesTextAndAttributeValues) {
  const HtmlDocument doc = parse_html("<p title='say \"hi\" &amp; <bye>'>a &lt; b &amp;&amp; c &gt; d</p>");
  EXPECT_EQ(doc.select_first("p")->outer_html(),
            "<p title=\"say &quot;hi&quot; &amp; &lt;bye&gt;\">a &lt; b &amp;&amp; c &gt; d</p>");
}

TEST(Serialize, VoidElementsHaveNoEndTag) {
  const HtmlDocument doc = parse_html("<div>a<br>b<img src=x.png alt=''><hr><input type=text></div>");
  EXPECT_EQ(doc.select_first("div")->inner_html(), "a<br>b<img src=\"x.png\" alt=\"\"><hr><input type=\"text\">");
}

TEST(Serialize, ScriptAndStyleContentIsNotEscaped) {
  const HtmlDocument doc = parse_html("<div><script>if (a < b && c) {}</script><style>a > b {}</style></div>");
  EXPECT_EQ(doc.select_first("div")->inner_html(), "<script>if (a < b && c) {}</script><style>a > b {}</style>");
}

TEST(Serialize, DropsScriptsStylesIframesAndNoscriptWhenAsked) {
  const HtmlDocument doc = parse_html(
      "<main><p>keep</p><script>x()</script><style>p{}</style><iframe src=ad></iframe>"
      "<noscript><img src=pixel></noscript><p>also</p></main>");
  HtmlOptions opts;
  opts.drop_scripts = true;
  EXPECT_EQ(doc.select_first("main")->inner_html(opts), "<p>keep</p><p>also</p>");
  EXPECT_NE(doc.select_first("main")->inner_html().find("<script>x()</script>"), std::string::npos);
}

TEST(Serialize, DropsAdsAndCallerSelectedElements) {
  const HtmlDocument doc = parse_html(
      "<main><h1>T</h1><p>one</p><div class=ad-slot><ins class=adsbygoogle data-ad-client=c></ins></div>"
      "<p class=note>two</p><aside id=advert>buy</aside></main>");
  HtmlOptions opts;
  opts.drop_ads = true;
  opts.drop.push_back(Selector::parse("h1, .note").value());
  EXPECT_EQ(doc.select_first("main")->inner_html(opts), "<p>one</p>");
}

TEST(Serialize, CommentsAreKeptOrDropped) {
  const HtmlDocument doc = parse_html("<div>a<!-- note -->b</div>");
  EXPECT_EQ(doc.select_first("div")->inner_html(), "a<!-- note -->b");
  HtmlOptions opts;
  opts.drop_comments = true;
  EXPECT_EQ(doc.select_first("div")->inner_html(opts), "ab");
}

TEST(Serialize, TheNodeItselfIsNeverDropped) {
  const HtmlDocument doc = parse_html("<div class=ad><p>x</p></div>");
  HtmlOptions opts;
  opts.drop_ads = true;
  EXPECT_EQ(doc.select_first("div")->outer_html(opts), "<div class=\"ad\"><p>x</p></div>");
}

TEST(Serialize, DocumentSerialisationStartsWithTheDoctype) {
  const HtmlDocument doc = parse_html("<!DOCTYPE html><title>t</title><p>x");
  EXPECT_EQ(doc.html(), "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>");
}

TEST(Serialize, OutputReparsesToTheSameText) {
  const HtmlDocument doc = parse_fixture("readnovel_chapter.html");
  const std::string html = doc.select_first(".mantine-Paper-root")->outer_html();
  const HtmlDocument again = parse_html(html);
  EXPECT_EQ(again.select_first(".mantine-Paper-root")->text(), doc.select_first(".mantine-Paper-root")->text());
  EXPECT_EQ(again.select("#chapterText").size(), doc.select("#chapterText").size());
}
