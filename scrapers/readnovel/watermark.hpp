// Recognising aggregator watermark lines ("Please continue reading on
// ΒOXΝʘVEL.ϹΟM .") in scraped chapter text.
//
// fold_confusables maps a line to lower-case ASCII words for matching: ASCII and
// full-width letters, mathematical alphanumerics, enclosed/squared letters,
// letter-like symbols, Latin letters with diacritics, small capitals and the
// Greek/Cyrillic look-alikes (Β→b, Ν→n, ʘ→o, Ϲ→c, ѵ→v, ...) become a-z; '0'
// reads as 'o' and '1' as 'l'; combining marks and invisible characters vanish;
// apostrophes, '/', '*', '_' and '-' join (so "n/ovel-full" is one word); every
// other character separates words.
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
#pragma once

#include <string>
#include <string_view>

namespace scrapers::readnovel {

std::string fold_confusables(std::string_view line);
bool is_watermark_line(std::string_view line);

}  // namespace scrapers::readnovel
