#include "common/html/selector.hpp"

#include <gtest/gtest.h>

#include "common/html/document.hpp"
#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;
using scrapers::ErrorKind;

namespace {

const char* const kPage = R"(
<div id="main" class="box wide">
  <h1 class="text-1.3em fw700">Title</h1>
  <ul class="ChapterItems_list__kW9Em">
    <li class="item first"><a href="/c/1" data-id="1">One</a></li>
    <li class="item"><a href="https://example.com/c/2" data-id="2" lang="en-US">Two</a></li>
    <li class="item last"><a href="/c/3.html" rel="next nofollow">Three</a></li>
  </ul>
  <p><i class="styles_num___sIei"><span>7</span></i></p>
</div>
<div class="box"><p>Other</p></div>
)";

// Texts of the matches, in order.
std::vector<std::string> texts(const HtmlDocument& doc, std::string_view selector) {
  std::vector<std::string> out;
  for (const HtmlNode& n : doc.select(Selector::parse(selector).value())) out.push_back(n.text());
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST(Selector, MatchesTypeAndUniversal) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "a"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(texts(doc, "LI"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(doc.select_first("ul")->select("*").size(), 6U);
}

TEST(Selector, MatchesIdAndSeveralClasses) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(doc.select("#main").size(), 1U);
  EXPECT_EQ(doc.select(".box").size(), 2U);
  EXPECT_EQ(doc.select(".box.wide").size(), 1U);
  EXPECT_EQ(texts(doc, "li.item.last"), (Texts{"Three"}));
  EXPECT_EQ(doc.select(".Box").size(), 0U);  // class names are case-sensitive
}

TEST(Selector, MatchesAttributePresenceAndEquality) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "a[rel]"), (Texts{"Three"}));
  EXPECT_EQ(texts(doc, "a[data-id=\"2\"]"), (Texts{"Two"}));
  EXPECT_EQ(texts(doc, "a[data-id='1']"), (Texts{"One"}));
  EXPECT_EQ(texts(doc, "a[data-id=1]"), (Texts{"One"}));
}

TEST(Selector, MatchesAttributePrefixSuffixAndSubstring) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(doc.select("[class^=\"ChapterItems_list__\"]").size(), 1U);
  EXPECT_EQ(doc.select("[class*=styles_num__]").size(), 1U);
  EXPECT_EQ(texts(doc, "a[href^=https]"), (Texts{"Two"}));
  EXPECT_EQ(texts(doc, "a[href$='.html']"), (Texts{"Three"}));
  EXPECT_EQ(texts(doc, "a[href*=\"/c/\"]"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(doc.select("a[href^='']").size(), 0U);  // empty value never matches
}

TEST(Selector, MatchesWordAndDashAttributes) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "a[rel~=nofollow]"), (Texts{"Three"}));
  EXPECT_EQ(texts(doc, "a[lang|=en]"), (Texts{"Two"}));
}

TEST(Selector, DescendantAndChildCombinators) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "#main a"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(texts(doc, "ul > li > a"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(doc.select("#main > a").size(), 0U);
  EXPECT_EQ(doc.select("div > p").size(), 2U);
  EXPECT_EQ(texts(doc, "div#main p i span"), (Texts{"7"}));
  EXPECT_EQ(texts(doc, "#main>ul>li.first>a"), (Texts{"One"}));
}

TEST(Selector, DescendantCombinatorBacktracksThroughAncestors) {
  const HtmlDocument doc = parse_html(
      "<div class=a><div class=b><section><div><p>x</p></div></section></div></div>");
  EXPECT_EQ(doc.select(".a > .b p").size(), 1U);
  EXPECT_EQ(doc.select(".a div > p").size(), 1U);
  EXPECT_EQ(doc.select(".b > div > p").size(), 0U);
}

TEST(Selector, ListsReturnDocumentOrderWithoutDuplicates) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "li.last a, li.first a, a[data-id]"), (Texts{"One", "Two", "Three"}));
  const auto both = doc.select("h1, #main, div");
  ASSERT_EQ(both.size(), 3U);
  EXPECT_EQ(both[0].id(), "main");
  EXPECT_EQ(both[1].tag_name(), "h1");
}

TEST(Selector, PositionPseudoClasses) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "li:first-child"), (Texts{"One"}));
  EXPECT_EQ(texts(doc, "li:last-child"), (Texts{"Three"}));
  EXPECT_EQ(texts(doc, "li:nth-child(2)"), (Texts{"Two"}));
  EXPECT_EQ(texts(doc, "li:nth-child(odd)"), (Texts{"One", "Three"}));
  EXPECT_EQ(texts(doc, "li:nth-child(2n)"), (Texts{"Two"}));
  EXPECT_EQ(texts(doc, "li:nth-child(-n+2)"), (Texts{"One", "Two"}));
  EXPECT_EQ(texts(doc, "li:nth-last-child(1)"), (Texts{"Three"}));
  EXPECT_EQ(texts(doc, "span:only-child"), (Texts{"7"}));
  EXPECT_EQ(doc.select("li:nth-child(4)").size(), 0U);
}

TEST(Selector, NthChildCountsElementsOnlyNotTextOrComments) {
  const HtmlDocument doc = parse_html("<div> text <!--c--><b>1</b> more <b>2</b></div>");
  EXPECT_EQ(texts(doc, "b:first-child"), (Texts{"1"}));
  EXPECT_EQ(texts(doc, "b:nth-child(2)"), (Texts{"2"}));
}

TEST(Selector, EscapedCharactersInClassNames) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_EQ(texts(doc, "h1.text-1\\.3em"), (Texts{"Title"}));
  EXPECT_EQ(texts(doc, "h1.text-\\31\\.3em"), (Texts{"Title"}));  // hex escape for '1'
  EXPECT_EQ(texts(doc, "h1.text-\\31 \\.3em"), (Texts{"Title"}));
  EXPECT_EQ(doc.select("h1.text-1").size(), 0U);
}

TEST(Selector, UnsupportedSyntaxIsRejectedWithItsPosition) {
  const struct {
    const char* selector;
    const char* expected;
  } cases[] = {
      {"a + b", "position 3: sibling combinator '+'"},
      {"a ~ b", "position 3: sibling combinator '~'"},
      {"a:hover", "position 3: unsupported pseudo-class ':hover'"},
      {"p::before", "position 3: pseudo-elements"},
      {"a:not(.x)", "unsupported pseudo-class ':not'"},
      {"[href", "expected ']'"},
      {"a[href=\"x]", "unterminated string"},
      {"a[x=y i]", "attribute flags"},
      {"", "empty selector"},
      {"a,", "expected a selector after ','"},
      {"a >", "position 4"},
      {"svg|rect", "namespaces"},
      {"li:nth-child(x)", "malformed :nth-child"},
      {"a)", "position 2: unexpected ')'"},
  };
  for (const auto& c : cases) {
    const auto r = Selector::parse(c.selector);
    ASSERT_FALSE(r.ok()) << c.selector;
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos) << c.selector << " -> " << r.error().message;
  }
}

TEST(Selector, StringOverloadThrowsOnAMalformedSelector) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_THROW((void)doc.select("a + b"), scrapers::ErrorException);
}

TEST(Selector, RequireFirstReportsLayoutChangedNamingTheSelector) {
  const HtmlDocument doc = parse_html(kPage);
  EXPECT_TRUE(doc.require_first("#main h1").ok());
  const auto missing = doc.require_first("main#content");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(missing.error().message.find("main#content"), std::string::npos);
}

TEST(Selector, NodeScopedSelectMatchesDescendantsOnly) {
  const HtmlDocument doc = parse_html(kPage);
  const HtmlNode ul = *doc.select_first("ul");
  EXPECT_EQ(ul.select("ul").size(), 0U);     // not the node itself
  EXPECT_EQ(ul.select("div a").size(), 3U);  // ancestors outside the scope may match
  EXPECT_EQ(doc.select_first(".box:last-child")->select("a").size(), 0U);
  EXPECT_TRUE(ul.matches(Selector::parse("[class^=ChapterItems_]").value()));
}

TEST(Selector, CompiledSelectorIsReusableAcrossDocuments) {
  const Selector sel = Selector::parse("p").value();
  const HtmlDocument a = parse_html("<p>1</p><p>2</p>");
  const HtmlDocument b = parse_html("<p>3</p>");
  EXPECT_EQ(a.select(sel).size(), 2U);
  EXPECT_EQ(b.select(sel).size(), 1U);
  EXPECT_EQ(sel.text(), "p");
}
