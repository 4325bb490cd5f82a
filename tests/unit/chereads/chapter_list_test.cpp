#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scrapers/chereads/parse.hpp"
#include "tests/unit/chereads/fixture_files.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;
using testing::load_expected;
using testing::load_fixture;
using testing::on_local_server;

constexpr const char* kBookA = "34048845808168505";
constexpr const char* kBookB = "34048845808168519";
constexpr const char* kLocal = "http://127.0.0.1:8089";

ChapterList parse_fixture(const std::string& name) {
  const auto fixture = load_fixture(name);
  auto list = parse_chapter_list(fixture.body, on_local_server(fixture.url));
  if (!list.ok()) ADD_FAILURE() << name << ": " << list.error().describe();
  return std::move(list).value();
}

Error parse_fixture_error(const std::string& name) {
  const auto fixture = load_fixture(name);
  auto list = parse_chapter_list(fixture.body, on_local_server(fixture.url));
  if (list.ok()) {
    ADD_FAILURE() << name << " parsed into " << list->chapters.size() << " chapters";
    return Error{};
  }
  return std::move(list).error();
}

std::string next_page(const json& data) {
  return "<!DOCTYPE html><html><head><title>t</title></head><body><div id=\"__next\"></div>"
         "<script id=\"__NEXT_DATA__\" type=\"application/json\">" +
         data.dump() + "</script></body></html>";
}

json novel_data(const json& items) {
  return {{"props",
           {{"pageProps",
             {{"data",
               {{"bookInfo", {{"bookId", "11122233344455566"}, {"bookName", "Test"}}},
                {"volumeItems", json::array({{{"volumeId", 1}, {"chapterItems", items}}})}}}}}}}};
}

const ChapterRef* find_number(const ChapterList& list, const std::string& number) {
  const auto it = std::find_if(list.chapters.begin(), list.chapters.end(),
                               [&](const ChapterRef& c) { return c.number.str() == number; });
  return it == list.chapters.end() ? nullptr : &*it;
}

TEST(ChereadsChapterList, NovelPageJsonYieldsExactlyTheExpectedChapters) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  const json expected = load_expected(std::string("chapter-list-") + kBookA + ".json");
  EXPECT_EQ(list.source, ListSource::embedded_json);
  EXPECT_EQ(list.book_id, expected["bookId"].get<std::string>());
  EXPECT_EQ(list.book_name, expected["bookName"].get<std::string>());
  ASSERT_EQ(list.chapters.size(), expected["chapters"].size());
  for (std::size_t i = 0; i < list.chapters.size(); ++i) {
    const json& want = expected["chapters"][i];
    const ChapterRef& got = list.chapters[i];
    EXPECT_EQ(got.number.str(), want["number"].get<std::string>()) << i;
    EXPECT_EQ(got.title, want["title"].get<std::string>()) << i;
    EXPECT_EQ(got.chapter_id, want["chapterId"].get<std::string>()) << i;
    EXPECT_EQ(got.locked, want["locked"].get<bool>()) << i;
    EXPECT_EQ(got.url, std::string(kLocal) + "/novel/" + kBookA + "/" + want["chapterId"].get<std::string>()) << i;
  }
}

TEST(ChereadsChapterList, ChapterListHtmlGivesTheSameChaptersAsTheNovelJson) {
  const ChapterList from_json = parse_fixture(std::string("novel-") + kBookA + ".html");
  const ChapterList from_html = parse_fixture(std::string("chapterlist-") + kBookA + ".html");
  EXPECT_EQ(from_html.source, ListSource::list_html);
  EXPECT_EQ(from_html.book_id, kBookA);
  ASSERT_EQ(from_html.chapters.size(), from_json.chapters.size());
  for (std::size_t i = 0; i < from_json.chapters.size(); ++i) {
    EXPECT_EQ(from_html.chapters[i].number, from_json.chapters[i].number) << i;
    EXPECT_EQ(from_html.chapters[i].title, from_json.chapters[i].title) << i;
    EXPECT_EQ(from_html.chapters[i].chapter_id, from_json.chapters[i].chapter_id) << i;
    EXPECT_EQ(from_html.chapters[i].url, from_json.chapters[i].url) << i;
    EXPECT_EQ(from_html.chapters[i].locked, from_json.chapters[i].locked) << i;
  }
  EXPECT_EQ(from_html.skipped.size(), from_json.skipped.size());
}

TEST(ChereadsChapterList, OtherCssModuleHashesAndMixedHrefsAreStillRecognised) {
  const ChapterList list = parse_fixture(std::string("chapterlist-") + kBookB + ".html");
  const json expected = load_expected(std::string("chapter-list-") + kBookA + ".json");
  EXPECT_EQ(list.source, ListSource::list_html);
  ASSERT_EQ(list.chapters.size(), expected["chapters"].size());
  for (const ChapterRef& c : list.chapters) {
    // Absolute links to www.chereads.com and relative ones both land on the fetched origin.
    EXPECT_EQ(c.url, std::string(kLocal) + "/novel/" + kBookB + "/" + c.chapter_id) << c.title;
  }
  EXPECT_EQ(list.locked_count(), 4u);
}

TEST(ChereadsChapterList, DecimalChapterKeepsItsOwnExactNumberBetweenItsNeighbours) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  const ChapterRef* ten = find_number(list, "10");
  const ChapterRef* ten_half = find_number(list, "10.5");
  ASSERT_NE(ten, nullptr);
  ASSERT_NE(ten_half, nullptr);
  EXPECT_EQ(ten_half->title, "Chapter 10.5 \u2013 Interlude: \ub2ec\ube5b (Moonlight)");
  EXPECT_NE(ten->chapter_id, ten_half->chapter_id);
  EXPECT_EQ(ten_half - ten, 1) << "10.5 sorts right after 10 although the page lists it after 12";
}

TEST(ChereadsChapterList, ChaptersAreSortedAndNumbersAreUnique) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  ASSERT_FALSE(list.chapters.empty());
  for (std::size_t i = 1; i < list.chapters.size(); ++i) {
    EXPECT_LT(list.chapters[i - 1].number, list.chapters[i].number) << i;
  }
  EXPECT_EQ(list.chapters.front().number.str(), "1");
}

TEST(ChereadsChapterList, MapsCharacterAndChapterZeroItemsAreSkippedAsNonChapters) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  const json expected = load_expected(std::string("chapter-list-") + kBookA + ".json");
  ASSERT_EQ(list.skipped.size(), expected["skipped"].size());
  for (std::size_t i = 0; i < list.skipped.size(); ++i) {
    EXPECT_EQ(list.skipped[i].title, expected["skipped"][i].get<std::string>());
    EXPECT_EQ(list.skipped[i].reason, SkipReason::not_a_chapter);
  }
  EXPECT_EQ(list.items_seen, list.chapters.size() + list.skipped.size());
}

TEST(ChereadsChapterList, LockedChaptersAreListedAndFlagged) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  EXPECT_EQ(list.locked_count(), 4u);
  for (const ChapterRef& c : list.chapters) {
    const bool should_lock = text::ChapterNumber::from_integer(13) <= c.number;
    EXPECT_EQ(c.locked, should_lock) << c.title;
  }
}

TEST(ChereadsChapterList, SeventeenDigitIdsSurviveExactlyWhetherJsonStringsOrNumbers) {
  const ChapterList list = parse_fixture(std::string("novel-") + kBookA + ".html");
  // 86954917348045581 is a JSON number in the fixture; as a double it would be ...576.
  const ChapterRef* eight = find_number(list, "8");
  ASSERT_NE(eight, nullptr);
  EXPECT_EQ(eight->chapter_id, "86954917348045581");
  EXPECT_NE(static_cast<std::uint64_t>(static_cast<double>(86954917348045581ULL)), 86954917348045581ULL);
  const ChapterRef* one = find_number(list, "1");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->chapter_id, "86954917348045530");  // a JSON string in the fixture
}

TEST(ChereadsChapterList, NovelPageWithoutBookDataOrRenderedListIsLayoutChanged) {
  const Error error = parse_fixture_error(std::string("novel-") + kBookB + "-client-rendered.html");
  EXPECT_EQ(error.kind, ErrorKind::layout_changed);
  EXPECT_NE(error.message.find("volumeItems"), std::string::npos) << error.message;
}

TEST(ChereadsChapterList, UnrecognisedListLayoutIsLayoutChangedNotAnEmptyList) {
  const Error error = parse_fixture_error("chapterlist-34048845808168527-unrecognised.html");
  EXPECT_EQ(error.kind, ErrorKind::layout_changed);
  EXPECT_NE(error.message.find("ChapterItems_list__"), std::string::npos) << error.message;
}

TEST(ChereadsChapterList, ChallengePageIsBlocked) {
  const Error error = parse_fixture_error("challenge.html");
  EXPECT_EQ(error.kind, ErrorKind::blocked);
}

TEST(ChereadsChapterList, VitePageContextNovelPageNumbersUnnamedChaptersByIndex) {
  const ChapterList list = parse_fixture("novel-31522330208765802-vite.html");
  EXPECT_EQ(list.source, ListSource::embedded_json);
  EXPECT_EQ(list.book_id, "31522330208765802");  // a JSON number in this page
  ASSERT_EQ(list.chapters.size(), 4u);
  EXPECT_EQ(list.chapters[0].number.str(), "1");
  EXPECT_EQ(list.chapters[0].title, "The Beginning");
  EXPECT_EQ(list.chapters[2].title, "Those Who Wait\u2014and Those Who Don\u2019t");
  EXPECT_EQ(list.chapters[3].number.str(), "4");
  EXPECT_EQ(list.chapters[3].chapter_id, "22770314402003575");
  EXPECT_TRUE(list.chapters[3].locked);
  EXPECT_EQ(list.chapters[3].url, std::string(kLocal) + "/novel/31522330208765802/22770314402003575");
}

TEST(ChereadsChapterList, UnnumberedPrologueLosesItsIndexNumberToTheNamedChapterOne) {
  const json items = json::array(
      {{{"chapterId", "100"}, {"chapterName", "Prologue"}, {"chapterIndex", 1}, {"isAuth", 1}},
       {{"chapterId", "101"}, {"chapterName", "Chapter 1 - Start"}, {"chapterIndex", 2}, {"isAuth", 1}},
       {{"chapterId", "102"}, {"chapterName", "Chapter 2 - Next"}, {"chapterIndex", 3}, {"isAuth", 1}}});
  auto list = parse_chapter_list(next_page(novel_data(items)), "https://www.chereads.com/novel/11122233344455566");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 2u);
  EXPECT_EQ(list->chapters[0].title, "Chapter 1 - Start");
  EXPECT_EQ(list->chapters[1].number.str(), "2");
  ASSERT_EQ(list->skipped.size(), 1u);
  EXPECT_EQ(list->skipped[0].title, "Prologue");
  EXPECT_EQ(list->skipped[0].reason, SkipReason::duplicate_number);
  EXPECT_NE(list->skipped[0].detail.find("Chapter 1 - Start"), std::string::npos);
}

TEST(ChereadsChapterList, FloatingPointChapterIdIsRejectedRatherThanRounded) {
  const json items = json::array(
      {{{"chapterId", 8.6954917348045581e16}, {"chapterName", "Chapter 1"}, {"chapterIndex", 1}},
       {{"chapterId", 86954917348045589ULL}, {"chapterName", "Chapter 2"}, {"chapterIndex", 2}}});
  auto list = parse_chapter_list(next_page(novel_data(items)), "https://www.chereads.com/novel/11122233344455566");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 1u);
  EXPECT_EQ(list->chapters[0].chapter_id, "86954917348045589");
  ASSERT_EQ(list->skipped.size(), 1u);
  EXPECT_EQ(list->skipped[0].reason, SkipReason::invalid_item);
}

TEST(ChereadsChapterList, ChapterItemsBelowOneOrWithoutAnyNumberAreSkipped) {
  const json items = json::array(
      {{{"chapterId", "1"}, {"chapterName", "Chapter 0.5 - Teaser"}, {"chapterIndex", 1}},
       {{"chapterId", "2"}, {"chapterName", "Afterword"}},
       {{"chapterId", "3"}, {"chapterName", "Side Story"}, {"chapterIndex", "7"}}});
  auto list = parse_chapter_list(next_page(novel_data(items)), "https://www.chereads.com/novel/11122233344455566");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 1u);
  EXPECT_EQ(list->chapters[0].number.str(), "7");  // index given as a JSON string
  ASSERT_EQ(list->skipped.size(), 2u);
  EXPECT_EQ(list->skipped[0].reason, SkipReason::below_one);
  EXPECT_EQ(list->skipped[1].reason, SkipReason::no_number);
}

TEST(ChereadsChapterList, CharacterInAChapterNameDoesNotMakeItAnExtra) {
  const json items = json::array({{{"chapterId", "5"}, {"chapterName", "Chapter 45 - The Character of a King"}}});
  auto list = parse_chapter_list(next_page(novel_data(items)), "https://www.chereads.com/novel/11122233344455566");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 1u);
  EXPECT_EQ(list->chapters[0].number.str(), "45");
}

TEST(ChereadsChapterList, JsonWithNoChapterItemsAndNoRenderedListIsLayoutChanged) {
  auto list = parse_chapter_list(next_page(novel_data(json::array())),
                                 "https://www.chereads.com/novel/11122233344455566");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::layout_changed);
}

TEST(ChereadsChapterList, InvalidUtf8InATitleBecomesAReplacementCharacter) {
  std::string page = next_page(
      novel_data(json::array({{{"chapterId", "9"}, {"chapterName", "Chapter 3 - Caf\xC3\xA9"}}})));
  page.replace(page.find("\xC3\xA9"), 2, "\xE9");  // a stray latin-1 byte
  auto list = parse_chapter_list(page, "https://www.chereads.com/novel/11122233344455566");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 1u);
  EXPECT_EQ(list->chapters[0].title, "Chapter 3 - Caf\uFFFD");
}

TEST(ChereadsChapterList, ListLinkWithoutIdsIsResolvedAgainstThePage) {
  const std::string page =
      "<html><body><ul class=\"ChapterItems_list__Zz1\"><li><a href=\"read/ch-3\">"
      "<i class=\"styles_num__Qq\"><span>#3</span></i><strong>Chapter 3 - "
      "Away</strong></a></li></ul></body></html>";
  auto list = parse_chapter_list(page, "http://127.0.0.1:9/chapterlist/123/");
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->chapters.size(), 1u);
  EXPECT_EQ(list->chapters[0].url, "http://127.0.0.1:9/chapterlist/123/read/ch-3");
  EXPECT_EQ(list->chapters[0].chapter_id, "");
  EXPECT_EQ(list->book_id, "123");
}

TEST(ChereadsChapterList, OversizedBodyIsRefusedBeforeParsing) {
  const std::string huge(kMaxBodyBytes + 1, 'a');
  auto list = parse_chapter_list(huge, "https://www.chereads.com/novel/1");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::too_large);
}

}  // namespace
}  // namespace scrapers::chereads
