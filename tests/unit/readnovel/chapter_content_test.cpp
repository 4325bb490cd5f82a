#include <gtest/gtest.h>

#include "scrapers/readnovel/parse.hpp"
#include "tests/unit/readnovel/fixture.hpp"

namespace scrapers::readnovel {
namespace {

using test_fixtures::read_fixture;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return lines;
    start = end + 1;
  }
}

TEST(ChapterJson, GetchapterAnswerGivesTitleIndexAndText) {
  auto content = parse_chapter_json(read_fixture("getchapter-the-quiet-lantern-1.json"), "u");
  ASSERT_TRUE(content.ok()) << content.error().describe();
  EXPECT_EQ(content->title, "Chapter 1: The Lamplighter of Gyeongju");
  ASSERT_TRUE(content->index.has_value());
  EXPECT_EQ(*content->index, 1);
  EXPECT_EQ(content->source, ContentSource::api_json);
  const auto lines = lines_of(content->text);
  ASSERT_EQ(lines.size(), 15u);
  EXPECT_EQ(lines[0],
            "The lamps of Gyeongju were lit one at a time, and Seo Ha-eun had lit every one of them for "
            "eleven years.");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[14], "“Then you and I,” he said, “are going to have a very long night.”");
}

TEST(ChapterJson, DrfNotFoundDetailIsNotFound) {
  auto content = parse_chapter_json(read_fixture("getchapter-the-quiet-lantern-3.json"), "the-url");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::not_found);
  EXPECT_NE(content.error().message.find("Not found."), std::string::npos);
  EXPECT_EQ(content.error().context, "the-url");
}

TEST(ChapterJson, ChallengeInsteadOfJsonIsBlocked) {
  auto content = parse_chapter_json(read_fixture("getchapter-the-quiet-lantern-8.html"), "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::blocked);
}

TEST(ChapterJson, ChapterPageInsteadOfJsonIsTheWrongContentType) {
  auto content = parse_chapter_json(read_fixture("chapter-the-quiet-lantern-3.html"), "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::bad_content_type);
  EXPECT_NE(content.error().message.find("The Ferryman’s Toll"), std::string::npos);
}

TEST(ChapterJson, InvalidUtf8BytesBecomeReplacementCharacters) {
  auto content = parse_chapter_json(read_fixture("getchapter-cafe-noir-1.json"), "u");
  ASSERT_TRUE(content.ok()) << content.error().describe();
  EXPECT_EQ(content->text, "She ordered a caf\uFFFD and waited.\nIt was the stranger\uFFFDs turn to speak.");
  EXPECT_EQ(content->title, "Chapter 1: Café Noir");
}

TEST(ChapterJson, NullTextIsAMissingFieldNamingTheType) {
  auto content = parse_chapter_json(R"({"index":4,"title":"Chapter 4","text":null})", "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::missing_field);
  EXPECT_NE(content.error().message.find("'text' is null"), std::string::npos);
}

TEST(ChapterJson, ObjectWithoutTextIsAMissingField) {
  auto content = parse_chapter_json(R"({"index":4,"title":"Chapter 4"})", "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::missing_field);
  EXPECT_NE(content.error().message.find("missing 'text'"), std::string::npos);
}

TEST(ChapterJson, ThrottledDetailIsARetryableRateLimit) {
  auto content = parse_chapter_json(R"({"detail":"Request was throttled. Expected available in 56 seconds."})",
                                    "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::http_status);
  EXPECT_EQ(content.error().http_status, 429);
  EXPECT_TRUE(content.error().retryable());
}

TEST(ChapterJson, ArrayInsteadOfObjectIsALayoutChange) {
  auto content = parse_chapter_json("[]", "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::layout_changed);
}

TEST(ChapterPage, NextDataGivesTheFirstDehydratedQueryWithText) {
  auto content = parse_chapter_page(read_fixture("chapter-the-quiet-lantern-3.html"), "u");
  ASSERT_TRUE(content.ok()) << content.error().describe();
  EXPECT_EQ(content->source, ContentSource::next_data);
  EXPECT_EQ(content->title, "Chapter 3: The Ferryman’s Toll");
  ASSERT_TRUE(content->index.has_value());
  EXPECT_EQ(*content->index, 3);
  const auto lines = lines_of(content->text);
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_EQ(lines[0], "The ferryman wanted a coin, a song, or a secret. Ha-eun had no coins and could not sing.");
  EXPECT_EQ(lines[6], "A board by the landing read: TOLL — 1 coin & 1 secret <no exceptions>.");
}

TEST(ChapterPage, WithoutNextDataTheChapterTextLinesAndHeadingAreUsed) {
  auto content = parse_chapter_page(read_fixture("chapter-the-quiet-lantern-4.html"), "u");
  ASSERT_TRUE(content.ok()) << content.error().describe();
  EXPECT_EQ(content->source, ContentSource::page_dom);
  EXPECT_EQ(content->title, "Chapter 4: 달빛 아래 — Beneath the Moon");
  EXPECT_FALSE(content->index.has_value());
  const std::vector<std::string> expected = {
      "달빛 아래 — beneath the moon — the river looked like a road paved with silver.",
      "",
      "Ha-eun counted the lamps on the far shore: nine, then eight, then seven.",
      "“Someone is putting them out,” she whispered.",
      "“Someone is collecting them,” the scholar corrected. “There is a difference, and it matters.”",
      "",
      "The ferry bumped against the pier. Nobody was waiting for them, which was somehow worse than an "
      "ambush.",
      "She climbed out first, pole in hand, and felt the planks hum under her feet like a plucked string.",
  };
  EXPECT_EQ(lines_of(content->text), expected);
}

// The page with every non-ASCII byte dropped and one windows-1252 byte (0xE9, é) put in.
std::string windows_1252_page(const std::string& fixture, const std::string& word) {
  std::string page;
  for (char c : read_fixture(fixture)) {
    if (static_cast<unsigned char>(c) < 0x80) page += c;
  }
  const std::size_t at = page.find(word);
  EXPECT_NE(at, std::string::npos) << word;
  return page.replace(at, word.size(), "caf\xE9");
}

TEST(ChapterPage, TheContentTypeCharsetDecidesHowTheBytesAreRead) {
  const std::string page = windows_1252_page("chapter-the-quiet-lantern-4.html", "silver");
  auto declared = parse_chapter_page(page, "u", "text/html; charset=windows-1252");
  ASSERT_TRUE(declared.ok()) << declared.error().describe();
  EXPECT_NE(declared->text.find("paved with caf\u00e9."), std::string::npos) << declared->text;
  EXPECT_EQ(declared->text.find("\uFFFD"), std::string::npos);
  // The header wins over the page's own <meta charset="utf-8">, as in browsers; without
  // it the byte is not UTF-8 and becomes U+FFFD.
  auto undeclared = parse_chapter_page(page, "u");
  ASSERT_TRUE(undeclared.ok()) << undeclared.error().describe();
  EXPECT_NE(undeclared->text.find("paved with caf\uFFFD."), std::string::npos) << undeclared->text;
}

TEST(ChapterPage, UnrecognisedLayoutIsALayoutChangeNamingWhatWasSought) {
  auto content = parse_chapter_page(read_fixture("chapter-the-quiet-lantern-5.html"), "page-url");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(content.error().message.find("#chapterText"), std::string::npos);
  EXPECT_NE(content.error().message.find("__NEXT_DATA__"), std::string::npos);
  EXPECT_EQ(content.error().context, "page-url");
}

TEST(ChapterPage, ChallengePageIsBlocked) {
  auto content = parse_chapter_page(read_fixture("chapter-the-quiet-lantern-8.html"), "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::blocked);
}

TEST(ChapterPage, NextJsNotFoundPageIsNotFound) {
  const std::string page =
      "<html><body><h1>404</h1><h2>This page could not be found.</h2>"
      R"(<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/404",)"
      R"("query":{},"buildId":"b","nextExport":true}</script></body></html>)";
  auto content = parse_chapter_page(page, "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::not_found);
}

TEST(ChapterPage, DehydratedStateWithoutDataFallsBackToTheLines) {
  const std::string page =
      "<html><body><h1 class=\"mantine-Title-root mantine-q1\">Chapter 9</h1>"
      "<div><div id=\"chapterText\">First line.</div></div><div><div id=\"chapterText\">Second.</div></div>"
      R"(<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"dehydratedState":)"
      R"({"mutations":[],"queries":[{"queryKey":["chapterFetch","n-9"],"state":{"status":"error"}}]}}},)"
      R"("page":"/chapter/[slug]"}</script></body></html>)";
  auto content = parse_chapter_page(page, "u");
  ASSERT_TRUE(content.ok()) << content.error().describe();
  EXPECT_EQ(content->source, ContentSource::page_dom);
  EXPECT_EQ(content->title, "Chapter 9");
  EXPECT_EQ(content->text, "First line.\nSecond.");
}

TEST(ChapterPage, MalformedNextDataIsMentionedWhenNothingElseIsFound) {
  const std::string page =
      R"(<html><body><script id="__NEXT_DATA__" type="application/json">{"props":</script></body></html>)";
  auto content = parse_chapter_page(page, "u");
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(content.error().message.find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace scrapers::readnovel
