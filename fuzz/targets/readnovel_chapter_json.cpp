// A WuxiaWorld getchapter answer over any bytes: an accepted chapter has a UTF-8 title.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/readnovel/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(readnovel_chapter_json) {
  auto content = readnovel::parse_chapter_json(input, "https://wuxiaworld.eu/api/getchapter/the-quiet-lantern-1/");
  if (content) FUZZ_CHECK(text::is_valid_utf8(content->title));
}
