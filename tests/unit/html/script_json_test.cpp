#include "common/html/script_json.hpp"

#include <gtest/gtest.h>

#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;
using nlohmann::json;
using scrapers::ErrorKind;

TEST(ScriptJson, ReadsNextData) {
  const HtmlDocument doc = parse_fixture("readnovel_chapter.html");
  const auto data = extract_script_json(doc, {"script#__NEXT_DATA__", "script#vite-plugin-ssr_pageContext"});
  ASSERT_TRUE(data.ok()) << data.error().describe();
  const auto chapter = json_at(data.value(), "props.pageProps.dehydratedState.queries.0.state.data");
  ASSERT_TRUE(chapter.ok()) << chapter.error().describe();
  EXPECT_EQ((*chapter.value())["index"], 2);
  EXPECT_EQ((*chapter.value())["novelParent"], "solo-leveling");
  EXPECT_NE((*chapter.value())["text"].get<std::string>().find("“Again?”\nHe sighed…"), std::string::npos);
}

TEST(ScriptJson, ReadsTheVitePageContextWhenNextDataIsAbsent) {
  const HtmlDocument doc = parse_fixture("chereads_chapter.html");
  const auto data = extract_script_json(doc, {"script#__NEXT_DATA__", "script#vite-plugin-ssr_pageContext"});
  ASSERT_TRUE(data.ok()) << data.error().describe();
  const auto contents = json_at(data.value(), "pageProps.pageData.chapterInfo.contents");
  ASSERT_TRUE(contents.ok());
  EXPECT_EQ(contents.value()->size(), 3U);
  EXPECT_EQ((*contents.value())[0]["content"], "<p>**Chapter 1: Light at the End**</p>");
}

TEST(ScriptJson, MissingScriptIsLayoutChangedNamingTheSelectors) {
  const HtmlDocument doc = parse_html("<p>no data</p>");
  const auto r = extract_script_json(doc, {"script#__NEXT_DATA__", "script#vite-plugin-ssr_pageContext"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(r.error().message.find("script#__NEXT_DATA__, script#vite-plugin-ssr_pageContext"), std::string::npos);
}

TEST(ScriptJson, MalformedOrEmptyJsonIsAParseError) {
  const HtmlDocument bad = parse_html("<script id=__NEXT_DATA__>{\"props\": {</script>");
  const auto r = extract_script_json(bad, {"script#__NEXT_DATA__"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::parse);
  EXPECT_EQ(r.error().context, "script#__NEXT_DATA__");
  const HtmlDocument empty = parse_html("<script id=__NEXT_DATA__>  </script>");
  EXPECT_EQ(extract_script_json(empty, {"script#__NEXT_DATA__"}).error().kind, ErrorKind::parse);
}

TEST(ScriptJson, BigIntegersStayExactIntegers) {
  const HtmlDocument doc = parse_fixture("chereads_chapter.html");
  const auto data = extract_script_json(doc, {"script#vite-plugin-ssr_pageContext"});
  ASSERT_TRUE(data.ok());
  const json& id = *json_at(data.value(), "pageProps.pageData.chapterInfo.chapterId").value();
  EXPECT_TRUE(id.is_number_integer());
  EXPECT_FALSE(id.is_number_float());
  EXPECT_EQ(id.get<std::uint64_t>(), 86954917348045530ULL);
  EXPECT_EQ(json_id_string(id).value(), "86954917348045530");
  // Through a double it would have become ...528 or ...532: prove the value survived.
  EXPECT_NE(static_cast<std::uint64_t>(static_cast<double>(86954917348045530ULL)), 86954917348045530ULL);
}

TEST(ScriptJson, IdsFromNumbersAndDigitStringsAreEqualText) {
  const HtmlDocument doc = parse_fixture("chereads_novel.html");
  const auto data = extract_script_json(doc, {"script#__NEXT_DATA__"});
  ASSERT_TRUE(data.ok());
  const json& items = *json_at(data.value(), "props.pageProps.data.volumeItems.0.chapterItems").value();
  EXPECT_EQ(json_id_string(items[0]["chapterId"]).value(), "91900000000000001");
  EXPECT_EQ(json_id_string(items[1]["chapterId"]).value(), "91900000000000002");  // a JSON number
  EXPECT_EQ(json_id_string(json(1.5)).error().kind, ErrorKind::parse);
  EXPECT_EQ(json_id_string(json(-3)).error().kind, ErrorKind::parse);
  EXPECT_EQ(json_id_string(json("12a")).error().kind, ErrorKind::parse);
  EXPECT_EQ(json_id_string(json::parse("123456789012345678901234")).error().kind, ErrorKind::parse);
}

TEST(JsonAt, ErrorNamesTheMissingKeyAndThePathSoFar) {
  const json j = json::parse(R"({"props":{"pageProps":{"dehydratedState":{"queries":[]}}}})");
  const auto r = json_at(j, "props.pageProps.data.bookInfo");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::missing_field);
  EXPECT_NE(r.error().message.find("missing key 'data' under 'props.pageProps'"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(r.error().context, "props.pageProps.data.bookInfo");
  EXPECT_NE(json_at(j, "nope").error().message.find("missing key 'nope' under the root"), std::string::npos);
}

TEST(JsonAt, ArrayIndexErrorsNameTheIndexAndSize) {
  const json j = json::parse(R"({"queries":[{"state":{}}], "n": 5})");
  EXPECT_TRUE(json_at(j, "queries.0.state").ok());
  const auto out_of_range = json_at(j, "queries.1.state");
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_NE(out_of_range.error().message.find("index 1 out of range under 'queries' (size 1)"), std::string::npos)
      << out_of_range.error().message;
  EXPECT_NE(json_at(j, "queries.first").error().message.find("expected an array index, got 'first'"),
            std::string::npos);
  EXPECT_NE(json_at(j, "n.x").error().message.find("'n' is number, not an object or array"), std::string::npos)
      << json_at(j, "n.x").error().message;
}

TEST(JsonAt, EmptyPathIsTheRootAndNumericKeysWorkOnObjects) {
  const json j = json::parse(R"({"0": "zero"})");
  EXPECT_EQ(*json_at(j, "").value(), j);
  EXPECT_EQ(*json_at(j, "0").value(), "zero");
}

// Found by the readnovel_chapter_json fuzzer: a number too large for a double made
// nlohmann throw out_of_range, which escaped as a crash instead of a parse error.
TEST(ScriptJson, ANumberTooLargeForADoubleIsAParseErrorNotACrash) {
  const auto parsed = scrapers::html::parse_json("{\"index\": 1" + std::string(400, '4') + "e999999}", "body");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().kind, scrapers::ErrorKind::parse);
}
