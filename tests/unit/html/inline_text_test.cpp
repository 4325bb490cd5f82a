// inline_paragraphs(): paragraphs with their emphasis, sanitised (inline_text.hpp).
#include "common/html/inline_text.hpp"

#include <gtest/gtest.h>

#include "common/html/document.hpp"

namespace scrapers::html {
namespace {

std::vector<std::string> paragraphs(const std::string& body, const TextOptions& options = {}) {
  auto document = HtmlDocument::parse("<html><body>" + body + "</body></html>");
  EXPECT_TRUE(document.ok());
  return inline_paragraphs(document->root(), options);
}

TEST(InlineParagraphs, EmphasisIsKeptWithoutItsAttributes) {
  EXPECT_EQ(
      paragraphs("<p>The <em class=\"x\" onclick=\"steal()\">first</em> and <STRONG>last</STRONG>, "
                 "H<sub>2</sub>O, 2<sup>nd</sup>, <u>under</u> <s>struck</s> <i>it</i> <b>bold</b></p>"),
      std::vector<std::string>{"The <em>first</em> and <strong>last</strong>, H<sub>2</sub>O, 2<sup>nd</sup>, "
                               "<u>under</u> <s>struck</s> <i>it</i> <b>bold</b>"});
}

TEST(InlineParagraphs, LinksSpansAndUnknownTagsBecomeTheirTextScriptsVanish) {
  EXPECT_EQ(
      paragraphs(
          "<p><a href=\"https://evil.example/\" onmouseover=\"x()\">the ward</a> <span style=\"c\">held</span>"
          "<script>alert(1)</script><style>p{}</style> <blink>on</blink> <img src=x onerror=y>"
          "<iframe src=\"https://evil.example\"></iframe>&lt;b&gt;</p>"),
      std::vector<std::string>{"the ward held on &lt;b&gt;"});
}

TEST(InlineParagraphs, BlocksSplitParagraphsAndBreaksStayInside) {
  EXPECT_EQ(paragraphs("<div>a<p>b<br><em>c<br>d</em></p>e</div><ul><li>f</li></ul><table><tr><td>g</td><td>h</td>"
                       "</tr></table>"),
            (std::vector<std::string>{"a", "b<br><em>c</em><br><em>d</em>", "e", "f", "g h"}));
}

TEST(InlineParagraphs, ParagraphsWithoutTextAreLeftOut) {
  EXPECT_EQ(paragraphs("<p><br></p><p> <em> </em> <br> </p><p><strong></strong></p><p>x</p>"),
            std::vector<std::string>{"x"});
}

TEST(InlineParagraphs, TheOptionsDropSubtreesAsTextDoes) {
  TextOptions options;
  options.drop_ads = true;
  options.drop.push_back(cached_selector("h1"));
  EXPECT_EQ(paragraphs("<h1>Title</h1><div class=\"ads-top\">buy</div><p>kept</p>", options),
            std::vector<std::string>{"kept"});
}

}  // namespace
}  // namespace scrapers::html
