// The pre-scan that bounds gumbo's work: the limits refuse hostile pages in linear
// time, every recorded page passes far below them, and the embedded scripts it
// records are exactly what the DOM holds.
#include "common/html/prescan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "common/html/document.hpp"
#include "common/html/scanned_page.hpp"
#include "common/html/script_json.hpp"
#include "tests/unit/html/html_fixture.hpp"

namespace scrapers::html {
namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string nested_divs(std::size_t depth) { return repeat("<div>", depth) + "x" + repeat("</div>", depth); }

std::string many_attributes(std::size_t count) {
  std::string out = "<div";
  for (std::size_t i = 0; i < count; ++i) out += " a" + std::to_string(i) + "=1";
  return out + ">x</div>";
}

// Every .html page under fixtures/ (chereads, readnovel, html, opensubtitles, http).
std::vector<std::filesystem::path> fixture_pages() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures")) {
    if (entry.path().extension() == ".html") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Prescan, EveryFixturePagePassesWithAMarginOfTenTimesOnEachLimit) {
  const PrescanLimits limits;
  PrescanResult worst;
  const auto pages = fixture_pages();
  ASSERT_GE(pages.size(), 30u);
  for (const auto& path : pages) {
    const std::string bytes = testing::read_text(path.string());
    const auto scan = prescan_html(bytes);
    ASSERT_TRUE(scan.ok()) << path << ": " << scan.error().describe();
    worst.max_depth = std::max(worst.max_depth, scan->max_depth);
    worst.max_attributes_per_tag = std::max(worst.max_attributes_per_tag, scan->max_attributes_per_tag);
    worst.attributes = std::max(worst.attributes, scan->attributes);
    worst.elements = std::max(worst.elements, scan->elements);
  }
  std::cout << "fixtures: depth " << worst.max_depth << ", attributes per tag " << worst.max_attributes_per_tag
            << ", attributes " << worst.attributes << ", elements " << worst.elements << "\n";
  EXPECT_LE(worst.max_depth * 10, limits.max_depth);
  EXPECT_LE(worst.max_attributes_per_tag * 10, limits.max_attributes_per_tag);
  EXPECT_LE(worst.attributes * 10, limits.max_attributes);
  EXPECT_LE(worst.elements * 10, limits.max_elements);
}

TEST(Prescan, HundredThousandNestedDivsAreRefusedAsLayoutChangedNamingTheLimit) {
  const auto scan = prescan_html(nested_divs(100'000));
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(scan.error().message.find("nested deeper than 512"), std::string::npos) << scan.error().message;
}

TEST(Prescan, NestingAtTheLimitPassesAndOneMoreIsRefused) {
  PrescanLimits limits;
  limits.max_depth = 40;
  EXPECT_TRUE(prescan_html(nested_divs(40), limits).ok());
  EXPECT_FALSE(prescan_html(nested_divs(41), limits).ok());
}

TEST(Prescan, TwoHundredThousandAttributesOnOneTagAreRefusedAsTooLarge) {
  const auto scan = prescan_html(many_attributes(200'000));
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().kind, ErrorKind::too_large);
  EXPECT_NE(scan.error().message.find("more than 256 attributes"), std::string::npos) << scan.error().message;
}

TEST(Prescan, AttributesOverTheWholePageAreBoundedToo) {
  const auto scan = prescan_html(repeat(many_attributes(250), 5000));
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().kind, ErrorKind::too_large);
  EXPECT_NE(scan.error().message.find("more than 400000 attributes"), std::string::npos) << scan.error().message;
}

TEST(Prescan, MoreElementsThanTheLimitAreRefusedAsTooLarge) {
  const auto scan = prescan_html(repeat("<b></b>", 200'001));
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().kind, ErrorKind::too_large);
  EXPECT_NE(scan.error().message.find("more than 200000 elements"), std::string::npos) << scan.error().message;
  EXPECT_TRUE(prescan_html(repeat("<b></b>", 200'000)).ok());
}

TEST(Prescan, VoidElementsImpliedEndsCommentsAndRawTextDoNotNest) {
  const std::string page = "<html><body>" + repeat("<br><img src=x><p>text", 2000) + "<ul>" +
                           repeat("<li>item", 2000) + "</ul><!--" + repeat("<div>", 2000) + "--><script>" +
                           repeat("'<div>'", 2000) + "</script><textarea>" + repeat("<div>", 2000) +
                           "</textarea><svg>" + repeat("<path d='M0'/>", 2000) + "</svg></body></html>";
  const auto scan = prescan_html(page);
  ASSERT_TRUE(scan.ok()) << scan.error().describe();
  EXPECT_LE(scan->max_depth, 5u);
}

TEST(Prescan, TablesAndListsWithoutEndTagsDoNotNest) {
  const std::string page = "<table>" + repeat("<tr><td>a<td>b<th>c", 3000) + "</table><select>" +
                           repeat("<option>x", 3000) + "</select><dl>" + repeat("<dt>t<dd>d", 3000) + "</dl>" +
                           repeat("<p>para<div>block</div>", 3000);
  const auto scan = prescan_html(page);
  ASSERT_TRUE(scan.ok()) << scan.error().describe();
  EXPECT_LE(scan->max_depth, 4u);
}

TEST(Prescan, SelfClosingDivsOutsideSvgNestAsGumboNestsThem) {
  const auto scan = prescan_html(repeat("<div/>", 1000));
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().kind, ErrorKind::layout_changed);
}

TEST(Prescan, ScriptsWithAnIdAreRecordedVerbatimOnlyWhenExact) {
  const std::string page =
      "<!-- <script id=a>no</script> --><script id=\"a\" type=\"application/json\">{\"x\":1}</script>"
      "<script id='b'>one\r\ntwo</script><script>{}</script>";
  const auto scan = prescan_html(page);
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->scripts.size(), 2u);
  ASSERT_NE(scan->script("a"), nullptr);
  EXPECT_EQ(scan->script("a")->text, "{\"x\":1}");
  EXPECT_TRUE(scan->script("a")->exact);
  EXPECT_FALSE(scan->script("b")->exact) << "gumbo turns CR LF into LF";
  EXPECT_FALSE(scan->script_ids_uncertain);
  EXPECT_TRUE(prescan_html("<script id=\"&#95;a\">1</script>")->script_ids_uncertain);
  EXPECT_TRUE(prescan_html("<svg><script id=a>1</script></svg>")->script_ids_uncertain);
}

TEST(Prescan, HtmlDocumentParseRefusesAHostilePageBeforeGumboRuns) {
  const auto document = HtmlDocument::parse(nested_divs(100'000));
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.error().kind, ErrorKind::layout_changed);
  const auto wide = HtmlDocument::parse(many_attributes(200'000));
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.error().kind, ErrorKind::too_large);
}

TEST(ScannedPage, EmbeddedJsonFromTheScanEqualsTheDomsOnEveryFixturePage) {
  std::size_t compared = 0;
  for (const auto& path : fixture_pages()) {
    ParseOptions options;
    options.invalid_bytes = text::InvalidBytes::replace;
    auto page = ScannedPage::read(testing::read_text(path.string()), {}, options);
    if (!page.ok()) continue;  // e.g. a challenge page in another charset: nothing to compare
    const auto fast = page->script_json({"script#__NEXT_DATA__", "script#vite-plugin-ssr_pageContext"});
    const auto document = std::move(page).value().into_document();
    ASSERT_TRUE(document.ok()) << path;
    const auto dom = extract_script_json(*document,
                                         {"script#__NEXT_DATA__", "script#vite-plugin-ssr_pageContext"});
    if (!fast) {
      EXPECT_FALSE(dom.ok()) << path << ": the scan missed a script the DOM has";
      continue;
    }
    ASSERT_EQ(fast->ok(), dom.ok()) << path;
    if (dom.ok()) {
      EXPECT_EQ(fast->value(), dom.value()) << path;
    }
    ++compared;
  }
  EXPECT_GE(compared, 20u);
}

TEST(ScannedPage, DomOnlyNeverAnswersFromTheScan) {
  ParseOptions options;
  options.path = ParsePath::dom_only;
  const auto page = ScannedPage::read("<script id=__NEXT_DATA__>{}</script>", {}, options);
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->script_json({"script#__NEXT_DATA__"}).has_value());
}

}  // namespace
}  // namespace scrapers::html
