// A confusables skeleton for matching text written with look-alike letters (the idea
// of Unicode TR39's skeleton, reduced to what matching Latin words needs).
//
// fold_confusables maps a line to lower-case ASCII words: ASCII letters; full-width
// letters and digits; mathematical alphanumerics (U+1D400..U+1D6A5, digits
// U+1D7CE..); enclosed, parenthesized, squared and regional-indicator letters;
// letter-like symbols (ℂ ℊ ℋ ℓ ℕ ℙ ℝ ℤ K Å ℬ ℯ ℳ ℴ ℹ ⅅ ⅆ ⅇ ⅈ ⅉ ...) and Roman
// numerals (Ⅰ Ⅴ Ⅹ Ⅼ Ⅽ Ⅾ Ⅿ, small ones too); Latin-1 and Latin Extended-A letters
// with diacritics; Latin small capitals (ᴀ ʙ ᴄ ᴅ ᴇ ꜰ ɢ ʜ ɪ ᴊ ᴋ ʟ ᴍ ɴ ᴏ ᴘ ꞯ ʀ ꜱ ᴛ ᴜ ᴠ
// ᴡ ʏ ᴢ) and IPA look-alikes (ɑ ɡ ɩ ʘ ...); modifier and subscript letters (ᴬ ᵇ ʰ ⁿ
// ₒ ...); the Greek, Coptic, Cyrillic, Armenian and Cherokee letters that look like a
// Latin one (Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϲ; А В Е К М Н О Р С Т Х Ѕ І Ј Ԁ Ԛ Ԝ Ү; Օ Ս; Ꭺ
// Ᏼ Ꮯ Ꭰ Ꭼ ...) all become a-z. '0' reads as 'o' and '1' as 'l'; combining marks and
// invisible characters (zero-width, variation selectors, soft hyphen) vanish;
// apostrophes, '/', '\', '*', '_', '-' and middle dots join (so "n/ovel-full" is one
// word); every other character separates words, runs of separators are one space,
// and the result has no leading or trailing space. Anything the table does not name
// (mathematical Greek, other scripts) separates words, so it can only make a match
// less likely. Pure; any bytes (invalid UTF-8 reads as U+FFFD, a separator).
#pragma once

#include <string>
#include <string_view>

namespace scrapers::text {

std::string fold_confusables(std::string_view line);

}  // namespace scrapers::text
