// Recognising aggregator watermark lines ("Please continue reading on
// ΒOXΝʘVEL.ϹΟM .") in scraped chapter text, whatever look-alike letters they are
// written with: lines are compared on their confusables skeleton
// (confusables.hpp), not on their code points or NFKC form.
//
// is_watermark_line is deliberately conservative, so that prose is never lost.
// A line is a watermark only when all of these hold:
//  - it names a known aggregator (boxnovel, novelfull, lightnovelpub, novelbin,
//    freewebnovel, webnovel, royalroad, ...), possibly spelled with spaces or
//    split letters;
//  - every other word is from a short list of watermark vocabulary ("please",
//    "continue", "reading", "on", "latest", "chapters", "visit", "com", ...);
//  - the aggregator is written as a domain (followed by a TLD or preceded by
//    "www"), or the line has no quotation marks and no question mark (dialogue
//    such as “You read that on NovelFull?” is kept);
//  - it has at most 40 words.
// So a sentence of story text that mentions a site ("He had read it on novelfull.com
// years ago") is never a watermark: its other words are not watermark vocabulary.
// Used by readnovel-segment and chereads-segment alike. Pure.
#pragma once

#include <string_view>

namespace scrapers::text {

bool is_watermark_line(std::string_view line);

}  // namespace scrapers::text
