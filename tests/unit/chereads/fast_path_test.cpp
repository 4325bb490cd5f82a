// The embedded-JSON fast paths of parse_chapter_page and parse_chapter_list (no DOM
// built) give exactly the DOM path's result on every recorded page: same chapter or
// list, or the same error.
#include <gtest/gtest.h>

#include "tests/support/same_outcome.hpp"

#include <filesystem>

#include "scrapers/chereads/parse.hpp"
#include "tests/unit/chereads/fixture_files.hpp"

namespace scrapers::chereads {
namespace {

void expect_same(const Result<ChapterPage>& fast, const Result<ChapterPage>& dom, const std::string& name) {
  if (!scrapers::testing::expect_same_failure(fast, dom, name)) return;
  EXPECT_EQ(fast->title, dom->title) << name;
  EXPECT_EQ(fast->paragraphs, dom->paragraphs) << name;
  EXPECT_EQ(fast->locked, dom->locked) << name;
  EXPECT_EQ(fast->heading_dropped, dom->heading_dropped) << name;
  EXPECT_EQ(fast->source, dom->source) << name;
  EXPECT_EQ(fast->characters, dom->characters) << name;
  EXPECT_EQ(fast->watermark_lines, dom->watermark_lines) << name;
}

TEST(ChapterPageFastPath, GivesTheDomPathsResultOnEveryChereadsFixturePage) {
  std::size_t pages = 0, chapters = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path(""))) {
    if (entry.path().extension() != ".html") continue;
    const auto fixture = testing::load_fixture(entry.path().filename().string());
    const auto fast = parse_chapter_page(fixture.body, fixture.url, "text/html; charset=utf-8");
    const auto dom = parse_chapter_page(fixture.body, fixture.url, "text/html; charset=utf-8",
                                        html::ParsePath::dom_only);
    expect_same(fast, dom, entry.path().filename().string());
    ++pages;
    if (dom.ok()) ++chapters;
  }
  EXPECT_GE(pages, 25u);
  EXPECT_GE(chapters, 15u) << "most chapter pages parse";
}

TEST(ChapterPageFastPath, GivesTheDomPathsResultOnTheSampleChapterPage) {
  const std::string body = testing::read_text(std::string(SCRAPERS_SOURCE_DIR) +
                                              "/fixtures/html/chereads_chapter.html");
  const std::string url = "https://www.chereads.com/novel/1/2";
  expect_same(parse_chapter_page(body, url), parse_chapter_page(body, url, {}, html::ParsePath::dom_only),
              "chereads_chapter.html");
}

void expect_same_list(const Result<ChapterList>& fast, const Result<ChapterList>& dom, const std::string& name) {
  ASSERT_EQ(fast.ok(), dom.ok()) << name << ": " << (fast.ok() ? dom.error() : fast.error()).describe();
  if (!dom.ok()) {
    EXPECT_EQ(fast.error().kind, dom.error().kind) << name;
    EXPECT_EQ(fast.error().message, dom.error().message) << name;
    return;
  }
  EXPECT_EQ(fast->book_id, dom->book_id) << name;
  EXPECT_EQ(fast->book_name, dom->book_name) << name;
  EXPECT_EQ(fast->source, dom->source) << name;
  EXPECT_EQ(fast->items_seen, dom->items_seen) << name;
  EXPECT_EQ(fast->skipped.size(), dom->skipped.size()) << name;
  ASSERT_EQ(fast->chapters.size(), dom->chapters.size()) << name;
  for (std::size_t i = 0; i < dom->chapters.size(); ++i) {
    EXPECT_EQ(fast->chapters[i].number, dom->chapters[i].number) << name << " #" << i;
    EXPECT_EQ(fast->chapters[i].title, dom->chapters[i].title) << name << " #" << i;
    EXPECT_EQ(fast->chapters[i].chapter_id, dom->chapters[i].chapter_id) << name << " #" << i;
    EXPECT_EQ(fast->chapters[i].url, dom->chapters[i].url) << name << " #" << i;
    EXPECT_EQ(fast->chapters[i].locked, dom->chapters[i].locked) << name << " #" << i;
  }
}

TEST(ChapterListFastPath, GivesTheDomPathsResultOnEveryChereadsFixturePage) {
  std::size_t lists = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path(""))) {
    if (entry.path().extension() != ".html") continue;
    const auto fixture = testing::load_fixture(entry.path().filename().string());
    const auto dom = parse_chapter_list(fixture.body, fixture.url, {}, html::ParsePath::dom_only);
    expect_same_list(parse_chapter_list(fixture.body, fixture.url), dom, entry.path().filename().string());
    if (dom.ok()) ++lists;
  }
  EXPECT_GE(lists, 3u);
}

}  // namespace
}  // namespace scrapers::chereads
