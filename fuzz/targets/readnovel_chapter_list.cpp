// The WuxiaWorld chapter-list JSON: accepted lists have strictly ascending indexes
// from 1, UTF-8 titles, and never more chapters than the array served.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/readnovel/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(readnovel_chapter_list) {
  auto list = readnovel::parse_chapter_list(input, "https://wuxiaworld.eu/api/chapters/the-quiet-lantern/");
  if (!list) return;
  FUZZ_CHECK(list->chapters.size() <= list->total_elements);
  for (std::size_t i = 0; i < list->chapters.size(); ++i) {
    FUZZ_CHECK(list->chapters[i].index >= 1);
    FUZZ_CHECK(i == 0 || list->chapters[i - 1].index < list->chapters[i].index);
    FUZZ_CHECK(text::is_valid_utf8(list->chapters[i].title));
  }
}
