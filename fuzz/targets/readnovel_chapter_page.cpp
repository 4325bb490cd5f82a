// A readnovel.eu chapter page over any bytes (embedded __NEXT_DATA__ or the DOM): an
// accepted chapter has a UTF-8 title.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/readnovel/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(readnovel_chapter_page) {
  auto content = readnovel::parse_chapter_page(input, "https://www.readnovel.eu/chapter/the-quiet-lantern-3");
  if (content) FUZZ_CHECK(text::is_valid_utf8(content->title));
}
