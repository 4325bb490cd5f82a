// The chapter text cleaner (entities, stray tags, invisible characters, watermarks)
// and the title cleaner: always UTF-8 out, no empty paragraph, counts consistent.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/readnovel/text_clean.hpp"
#include "scrapers/readnovel/watermark.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(text_cleaner) {
  const auto cleaned = readnovel::clean_chapter_text(input);
  for (const auto& paragraph : cleaned.paragraphs) {
    FUZZ_CHECK(!paragraph.empty());
    FUZZ_CHECK(text::is_valid_utf8(paragraph));
  }
  FUZZ_CHECK(cleaned.replacement_characters <= cleaned.characters);
  const auto title = readnovel::clean_chapter_title(input);
  FUZZ_CHECK(text::is_valid_utf8(title));
  FUZZ_CHECK(title.find('\n') == std::string::npos);
  (void)readnovel::is_watermark_line(input);
}
