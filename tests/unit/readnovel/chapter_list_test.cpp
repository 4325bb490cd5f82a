#include <gtest/gtest.h>

#include <algorithm>

#include "scrapers/readnovel/parse.hpp"
#include "tests/unit/readnovel/fixture.hpp"

namespace scrapers::readnovel {
namespace {

using test_fixtures::read_fixture;

const std::string kLongUrl = std::string(test_fixtures::kApi) + "/chapters/moonlit-sword-2-return-of-the-exile/";

ChapterList long_list() {
  auto list = parse_chapter_list(read_fixture("chapters-moonlit-sword.json"), kLongUrl);
  if (!list.ok()) throw std::runtime_error(list.error().describe());
  return std::move(list).value();
}

const ChapterEntry& by_index(const ChapterList& list, std::int64_t index) {
  const auto it = std::find_if(list.chapters.begin(), list.chapters.end(),
                               [&](const ChapterEntry& c) { return c.index == index; });
  if (it == list.chapters.end()) throw std::runtime_error("no chapter " + std::to_string(index));
  return *it;
}

TEST(ChapterList, LongListHasEveryChapterInIndexOrder) {
  const ChapterList list = long_list();
  EXPECT_EQ(list.total_elements, 320u);
  EXPECT_TRUE(list.problems.empty());
  ASSERT_EQ(list.chapters.size(), 320u);
  for (std::size_t i = 0; i < list.chapters.size(); ++i) {
    EXPECT_EQ(list.chapters[i].index, static_cast<std::int64_t>(i + 1));
  }
}

TEST(ChapterList, UnicodeTitlesArriveExactly) {
  const ChapterList list = long_list();
  EXPECT_EQ(by_index(list, 4).title, "Chapter 4 - Lanterns Over Seoul — 서울의 등불");
  EXPECT_EQ(by_index(list, 100).title, "Chapter 99: 百章 — One Hundred Days");
  EXPECT_EQ(by_index(list, 3).title, "Chapter 3: “Who Goes There?”");
  EXPECT_EQ(by_index(list, 42).title, "Chapter 41 - Swords & Sorcery <Part 1>");
}

TEST(ChapterList, HalfChapterAppearsOnlyInTheTitleAndTakesTheNextOrdinal) {
  const ChapterList list = long_list();
  EXPECT_EQ(by_index(list, 11).title, "Chapter 10.5 — Interlude: The Innkeeper’s Daughter");
  EXPECT_EQ(by_index(list, 12).title.rfind("Chapter 11", 0), 0u);
  EXPECT_EQ(by_index(list, 151).title, "Chapter 149.5 — Side Story (외전)");
}

TEST(ChapterList, ChapterSlugIsTakenFromTheListEvenWhenTheNovelSlugHasDigits) {
  const ChapterList list = long_list();
  EXPECT_EQ(by_index(list, 7).slug, "moonlit-sword-2-return-of-the-exile-7");
  EXPECT_EQ(by_index(list, 320).slug, "moonlit-sword-2-return-of-the-exile-320");
}

TEST(ChapterList, IdIsOptional) {
  const ChapterList list = long_list();
  EXPECT_FALSE(by_index(list, 1).id.has_value());
  ASSERT_TRUE(by_index(list, 41).id.has_value());
  EXPECT_EQ(*by_index(list, 41).id, 880041);
}

TEST(ChapterList, EveryTimeAddedFormIsUnderstoodOrKept) {
  const ChapterList list = long_list();
  EXPECT_EQ(by_index(list, 1).time_added.iso_date(), "2023-03-05");
  EXPECT_EQ(by_index(list, 316).time_added.kind, TimeAdded::Kind::relative);
  EXPECT_EQ(by_index(list, 316).time_added.seconds_ago, 5 * 3600);
  EXPECT_EQ(by_index(list, 316).time_added.text, "5\u00A0hours ago");
  EXPECT_EQ(by_index(list, 314).time_added.kind, TimeAdded::Kind::absent);
  EXPECT_EQ(by_index(list, 313).time_added.kind, TimeAdded::Kind::unknown);
  EXPECT_EQ(by_index(list, 313).time_added.text, "yesterday-ish");
}

TEST(ChapterList, EmptyArrayMeansTheSlugIsUnknown) {
  const std::string url = std::string(test_fixtures::kApi) + "/chapters/no-such-novel/";
  auto list = parse_chapter_list(read_fixture("chapters-no-such-novel.json"), url);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::not_found);
  EXPECT_NE(list.error().message.find("no novel with this slug"), std::string::npos);
  EXPECT_EQ(list.error().context, url);
}

TEST(ChapterList, BrowsableApiHtmlIsReportedAsHtmlInsteadOfJson) {
  auto list = parse_chapter_list(read_fixture("chapters-river-of-stars.html"), "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::bad_content_type);
  EXPECT_NE(list.error().message.find("browsable API"), std::string::npos);
  EXPECT_NE(list.error().message.find("Accept: application/json"), std::string::npos);
}

TEST(ChapterList, OtherHtmlIsReportedWithItsTitle) {
  auto list = parse_chapter_list("\n<html><head><title>502 Bad Gateway</title></head></html>", "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::bad_content_type);
  EXPECT_NE(list.error().message.find("\"502 Bad Gateway\""), std::string::npos);
}

TEST(ChapterList, ChallengePageIsBlockedNotAnEmptyList) {
  auto list = parse_chapter_list(read_fixture("chapters-guarded-novel.html"), "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::blocked);
}

TEST(ChapterList, TruncatedJsonIsAParseError) {
  auto list = parse_chapter_list(read_fixture("chapters-broken-novel.json"), "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::parse);
  EXPECT_NE(list.error().message.find("malformed JSON"), std::string::npos);
}

TEST(ChapterList, BadElementsAreSkippedAndEachIsNamed) {
  auto list = parse_chapter_list(read_fixture("chapters-mixed-novel.json"), "u");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  EXPECT_EQ(list->total_elements, 11u);
  std::vector<std::int64_t> kept;
  for (const auto& c : list->chapters) kept.push_back(c.index);
  EXPECT_EQ(kept, (std::vector<std::int64_t>{1, 6, 9}));
  EXPECT_EQ(list->chapters[1].slug, "mixed-novel-6");  // the first of the repeated index wins
  EXPECT_EQ(list->chapters[2].time_added.kind, TimeAdded::Kind::absent);
  ASSERT_EQ(list->problems.size(), 8u);
  const std::vector<std::pair<std::size_t, std::string>> expected = {
      {1, "missing 'title'"},
      {2, "'index' is a string, expected an integer"},
      {3, "'index' is a fractional number, expected an integer"},
      {4, "is not a slug"},
      {6, "'index' 6 repeats element 5"},
      {7, "is a string, expected an object"},
      {8, "'index' is 0, expected a chapter number >= 1"},
      {9, "'title' is null, expected a string"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(list->problems[i].position, expected[i].first);
    EXPECT_NE(list->problems[i].message.find(expected[i].second), std::string::npos) << list->problems[i].message;
  }
}

TEST(ChapterList, PaginatedObjectIsALayoutChangeNotAList) {
  auto list = parse_chapter_list(R"({"count":1,"next":null,"previous":null,"results":[]})", "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(list.error().message.find("paginated"), std::string::npos);
}

TEST(ChapterList, ListWithoutAnyUsableElementIsALayoutChange) {
  auto list = parse_chapter_list(R"([{"idx":1,"name":"Chapter 1"},{"idx":2}])", "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::layout_changed);
  EXPECT_NE(list.error().message.find("first problem: element 0: missing 'index'"), std::string::npos)
      << list.error().message;
}

TEST(ChapterList, ElementsComeBackSortedByIndex) {
  auto list = parse_chapter_list(
      R"([{"index":3,"title":"C","novSlugChapSlug":"n-3","timeAdded":"now"},
          {"index":1,"title":"A","novSlugChapSlug":"n-1","timeAdded":"now"},
          {"index":2,"title":"  B\u00a0 two ","novSlugChapSlug":"n-2","timeAdded":"now"}])",
      "u");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 3u);
  EXPECT_EQ(list->chapters[0].title, "A");
  EXPECT_EQ(list->chapters[1].title, "B two");
  EXPECT_EQ(list->chapters[2].title, "C");
}

TEST(ChapterList, EmptyBodyIsAParseError) {
  auto list = parse_chapter_list(" \n", "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::parse);
}

TEST(ChapterList, BodyAboveTheLimitIsRefusedBeforeParsing) {
  const std::string body(kMaxJsonBodyBytes + 1, '[');
  auto list = parse_chapter_list(body, "u");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::too_large);
}

}  // namespace
}  // namespace scrapers::readnovel
