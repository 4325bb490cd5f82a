// The plain-paragraph shortcut of fragment_paragraphs gives what gumbo gives (each
// fragment on its own, emphasis kept as canonical inline HTML), on the shapes chapter
// fragments take, and anything else still goes through gumbo.
#include "scrapers/chereads/fragment_text.hpp"

#include <gtest/gtest.h>

namespace scrapers::chereads::detail {
namespace {

using nlohmann::json;

std::vector<std::string> both_ways(const json& contents) {
  const json info{{"contents", contents}};
  auto fast = fragment_paragraphs(info, "u");
  auto dom = fragment_paragraphs(info, "u", html::ParsePath::dom_only);
  EXPECT_TRUE(fast.ok() && dom.ok());
  EXPECT_EQ(fast.value(), dom.value()) << contents.dump();
  return dom.value();
}

TEST(FragmentText, PlainParagraphsReadByTheScanEqualGumbosText) {
  EXPECT_EQ(both_ways(json::array({json{{"content", "<p>One.</p>"}}, json{{"content", "<p>Two  words</p>"}}})),
            (std::vector<std::string>{"One.", "Two words"}));
  both_ways(
      json::array({"  <p> lead\tand\n trail  </p>\n<p></p> <p>x</p>  ", "<p>\xC2\xA0nbsp kept\xC2\xA0</p>"}));
  both_ways(json::array({"<p>a > b, \"quoted\" 'single' **bold**</p>", json{{"content", 5}}, "<p>   </p>"}));
  both_ways(json::array({"<p>\xE7\x81\xAF \xE2\x80\x9Cquote\xE2\x80\x9D</p><p>second</p>"}));
}

TEST(FragmentText, AnythingElseGoesThroughGumboWithTheSameResult) {
  EXPECT_EQ(both_ways(json::array({"<p>Tom &amp; Jerry</p>"})), std::vector<std::string>{"Tom &amp; Jerry"});
  EXPECT_EQ(both_ways(json::array({"<p>a<em>b</em> c</p>", "text without p", "<P>upper</P>"})),
            (std::vector<std::string>{"a<em>b</em> c", "text without p", "upper"}));
  both_ways(json::array({"<p>carriage\r\nreturn</p>", "<p>unclosed", "<h2>Heading</h2><p>after</p>"}));
  both_ways(json::array({"<p>vertical\vtab and form\ffeed</p>", "<p>nul\x01</p>"}));
}

TEST(FragmentText, SelfContainedFragmentsAmongPlainOnesKeepTheirPlaceAndText) {
  EXPECT_EQ(both_ways(json::array({"<p>one</p>", "<p><em>two</em> &mdash; b<br>c</p>", "<p>three</p>"})),
            (std::vector<std::string>{"one", "<em>two</em> \xE2\x80\x94 b<br>c", "three"}));
  both_ways(json::array({"<p><b>left open</p>", "<p>plain after</p>", "<strong>x", "<p>y</p>"}));
  both_ways(json::array({"<p>a</p>", "<p class=\"ad\">ad</p>", "<p>b</p>"}));
  both_ways(json::array({"<p>a</p>", "<table><tr><td>cell", "<p>b</p>", "<!-- open comment", "<p>c</p>"}));
  both_ways(json::array({"<p>a</p>", "<b class=ad>x", "<p>b</p>", "<pre>  keep  ", "<p>c   d</p>"}));
}

TEST(FragmentText, NoContentsArrayMeansNoParagraphs) {
  EXPECT_TRUE(fragment_paragraphs(json{{"contents", "x"}}, "u")->empty());
  EXPECT_TRUE(fragment_paragraphs(json::object(), "u")->empty());
}

}  // namespace
}  // namespace scrapers::chereads::detail
