// chereads.com chapter list over any page: what it accepts holds UTF-8 titles and
// strictly ascending chapter numbers.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/chereads/parse.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(chereads_chapter_list) {
  auto list = chereads::parse_chapter_list(input, "https://www.chereads.com/chapterlist/34048845808168505/");
  if (!list) return;
  for (std::size_t i = 1; i < list->chapters.size(); ++i)
    FUZZ_CHECK(list->chapters[i - 1].number < list->chapters[i].number);
  for (const auto& chapter : list->chapters) FUZZ_CHECK(text::is_valid_utf8(chapter.title));
}
