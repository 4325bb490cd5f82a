// The opensubtitles.com show page (seasons and episodes) over any bytes: an accepted
// page has a UTF-8 title.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/opensubtitles/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(opensubtitles_show_page) {
  auto page = opensubtitles::parse_show_page(input, "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling");
  if (page) FUZZ_CHECK(text::is_valid_utf8(page->title));
}
