// The __NEXT_DATA__ fast path of parse_chapter_page (no DOM built) gives exactly the
// DOM path's result on every recorded page: same chapter, or the same error.
#include <gtest/gtest.h>

#include "tests/support/same_outcome.hpp"

#include <filesystem>

#include "scrapers/readnovel/parse.hpp"
#include "tests/unit/readnovel/fixture.hpp"

namespace scrapers::readnovel {
namespace {

void expect_same_on(const std::string& body, const std::string& name) {
  const std::string url = std::string(test_fixtures::kSite) + "/novel/x/chapter-1";
  const auto fast = parse_chapter_page(body, url, "text/html; charset=utf-8");
  const auto dom = parse_chapter_page(body, url, "text/html; charset=utf-8", html::ParsePath::dom_only);
  if (!scrapers::testing::expect_same_failure(fast, dom, name)) return;
  EXPECT_EQ(fast->index, dom->index) << name;
  EXPECT_EQ(fast->title, dom->title) << name;
  EXPECT_EQ(fast->text, dom->text) << name;
  EXPECT_EQ(fast->source, dom->source) << name;
}

TEST(ChapterPageFastPath, GivesTheDomPathsResultOnEveryReadnovelFixturePage) {
  std::size_t pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test_fixtures::fixture_dir())) {
    if (entry.path().extension() != ".html") continue;
    const std::string name = entry.path().filename().string();
    expect_same_on(test_fixtures::read_fixture(name), name);
    ++pages;
  }
  EXPECT_GE(pages, 5u);
}

TEST(ChapterPageFastPath, GivesTheDomPathsResultOnTheSampleChapterPage) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/html/readnovel_chapter.html", std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  ASSERT_FALSE(body.str().empty());
  expect_same_on(body.str(), "readnovel_chapter.html");
}

}  // namespace
}  // namespace scrapers::readnovel
