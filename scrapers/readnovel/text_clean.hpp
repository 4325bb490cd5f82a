// Cleaning chapter text from wuxiaworld.eu into paragraphs worth storing.
//
// clean_chapter_text takes the served text (lines separated by '\n') and:
//  - reads it as UTF-8, invalid bytes becoming U+FFFD;
//  - unescapes escaped markup: character references are decoded (a second time
//    only when the text was escaped twice, "&amp;lt;"), so "&lt;Skill: Sight&gt;"
//    becomes the text "<Skill: Sight>";
//  - removes markup tags that survived as text: <nulli>, <br>, <wbr>, <hr> always
//    (<br> breaks the line), and other inline HTML tags (sup, sub, i, em, b,
//    strong, span, ...) only when the same line both opens and closes them, so
//    game-style "<S> rank" stays; a <sup> holding only digits becomes superscript
//    digits ("fen<sup>1</sup>" -> "fen¹");
//  - drops control and invisible characters, collapses whitespace (U+00A0
//    included) and trims every line;
//  - drops aggregator watermark lines (watermark.hpp, conservative);
//  - turns the remaining non-empty lines into paragraphs (blank-line runs vanish).
// U+FFFD is kept visible (a lost apostrophe is better shown than guessed) and
// counted. Pure: the same input always gives the same output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::readnovel {

// Chapters with fewer characters of text than this are refused.
inline constexpr std::size_t kMinChapterCharacters = 100;

struct CleanedText {
  std::vector<std::string> paragraphs;
  std::size_t characters = 0;              // code points in all paragraphs
  std::size_t replacement_characters = 0;  // U+FFFD among them
  std::size_t watermark_lines = 0;         // lines dropped as watermarks
  std::size_t tags_removed = 0;            // markup tags removed from the text
};

CleanedText clean_chapter_text(std::string_view raw);

// A title cleaned the same way (references decoded, tags removed, whitespace
// collapsed), on one line.
std::string clean_chapter_title(std::string_view raw);

// Ok when the text has at least min_characters characters; otherwise
// ErrorKind::missing_field saying how many it has.
Status check_min_length(const CleanedText& text, std::size_t min_characters = kMinChapterCharacters);

}  // namespace scrapers::readnovel
