// chereads.com chapter page over any page: UTF-8 title and paragraphs, and a locked
// chapter carries no text.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/chereads/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(chereads_chapter_page) {
  auto page = chereads::parse_chapter_page(input, "https://www.chereads.com/novel/34048845808168505/1");
  if (!page) return;
  FUZZ_CHECK(text::is_valid_utf8(page->title));
  for (const auto& paragraph : page->paragraphs) FUZZ_CHECK(text::is_valid_utf8(paragraph));
  FUZZ_CHECK(!page->locked || page->paragraphs.empty());
}
