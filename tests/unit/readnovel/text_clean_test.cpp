#include "scrapers/readnovel/text_clean.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "scrapers/readnovel/parse.hpp"
#include "tests/unit/readnovel/fixture.hpp"

namespace scrapers::readnovel {
namespace {

using test_fixtures::read_fixture;

CleanedText cleaned_fixture(const std::string& name) {
  auto content = parse_chapter_json(read_fixture(name), "u");
  if (!content.ok()) throw std::runtime_error(content.error().describe());
  return clean_chapter_text(content->text);
}

bool has_paragraph(const CleanedText& text, std::string_view paragraph) {
  return std::find(text.paragraphs.begin(), text.paragraphs.end(), paragraph) != text.paragraphs.end();
}

bool any_paragraph_contains(const CleanedText& text, std::string_view needle) {
  return std::any_of(text.paragraphs.begin(), text.paragraphs.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

TEST(CleanChapterText, WatermarkLinesInLookAlikeUnicodeAreDroppedAndCounted) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_EQ(text.watermark_lines, 5u);
  for (std::string_view gone :
       {"ΒOXΝʘVEL", "ｎｏｖｅｌｆｕｌｌ", "lightnοvelpub", "𝐍𝐨𝐯𝐞𝐥𝐁𝐢𝐧", "www.webnovel.com"}) {
    EXPECT_FALSE(any_paragraph_contains(text, gone)) << gone;
  }
}

TEST(CleanChapterText, ProseThatMentionsAnAggregatorOrItsPhrasesIsKept) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_TRUE(
      has_paragraph(text, "“You read that on NovelFull?” Min-seo laughed. “Those copies are full of mistakes.”"));
  EXPECT_TRUE(has_paragraph(
      text, "\"Please continue reading,\" the scholar said mildly, \"on the next page. It gets worse.\""));
}

TEST(CleanChapterText, EscapedMarkupIsUnescapedAndFootnoteDigitsBecomeSuperscript) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_TRUE(has_paragraph(text, "<Skill: Lantern Sight> has awakened."));
  EXPECT_TRUE(has_paragraph(text,
                            "The recipe called for three fen¹ of powdered ash-root, no more, and the scholar "
                            "measured it twice."));
  EXPECT_TRUE(any_paragraph_contains(text, "Salt & vinegar and something older."));
}

TEST(CleanChapterText, NulliTagsAreRemovedWithoutLosingTheirText) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_FALSE(any_paragraph_contains(text, "nulli"));
  EXPECT_TRUE(has_paragraph(
      text, "Min-seo dropped her brush. “That\uFFFDs not possible. Ink doesn\uFFFDt move on its own.”"));
  EXPECT_GE(text.tags_removed, 4u);
}

TEST(CleanChapterText, ReplacementCharactersStayVisibleAndAreCounted) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_EQ(text.replacement_characters, 3u);
  EXPECT_TRUE(has_paragraph(text, "“I didn\uFFFDt say it would be safe,” he said. “I said it would work.”"));
}

TEST(CleanChapterText, BlankLinesCollapseAndEveryParagraphIsTrimmed) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-2.json");
  EXPECT_EQ(text.paragraphs.size(), 11u);
  for (const std::string& p : text.paragraphs) {
    EXPECT_FALSE(p.empty());
    EXPECT_NE(p.front(), ' ');
    EXPECT_NE(p.back(), ' ');
  }
  EXPECT_EQ(text.paragraphs.back(),
            "Outside, the first lamp of the Quiet Lantern Road burned on, steady as a heartbeat.");
  EXPECT_EQ(text.paragraphs.front().rfind("Ink dries slowly", 0), 0u);
}

TEST(CleanChapterText, CharactersAreCountedAsCodePoints) {
  const CleanedText text = clean_chapter_text("abc\n\n d\u00E9 \n\uFFFD");
  EXPECT_EQ(text.paragraphs, (std::vector<std::string>{"abc", "d\u00E9", "\uFFFD"}));
  EXPECT_EQ(text.characters, 6u);
  EXPECT_EQ(text.replacement_characters, 1u);
}

TEST(CleanChapterText, TooShortChapterIsRefusedWithItsLength) {
  const CleanedText text = cleaned_fixture("getchapter-the-quiet-lantern-6.json");
  const Status status = check_min_length(text);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::missing_field);
  EXPECT_NE(status.error().message.find("63 characters"), std::string::npos) << status.error().message;
}

TEST(CleanChapterText, HundredCharactersAreEnoughAndNinetyNineAreNot) {
  EXPECT_TRUE(check_min_length(clean_chapter_text(std::string(100, 'a'))).ok());
  EXPECT_FALSE(check_min_length(clean_chapter_text(std::string(99, 'a'))).ok());
  // Characters, not bytes: 100 Hangul syllables are 300 bytes.
  std::string hangul;
  for (int i = 0; i < 99; ++i) hangul += "\uD55C";
  EXPECT_FALSE(check_min_length(clean_chapter_text(hangul)).ok());
}

TEST(CleanChapterText, AngleBracketsThatAreNotMarkupStay) {
  const CleanedText text = clean_chapter_text("<S> rank hunter\na < b and c > d\n<i>emphasis</i> here\n<Part 1>");
  EXPECT_EQ(text.paragraphs,
            (std::vector<std::string>{"<S> rank hunter", "a < b and c > d", "emphasis here", "<Part 1>"}));
}

TEST(CleanChapterText, DoublyEscapedMarkupIsUnescapedOnce) {
  const CleanedText text = clean_chapter_text("E = mc&amp;lt;sup&amp;gt;2&amp;lt;/sup&amp;gt;");
  EXPECT_EQ(text.paragraphs, (std::vector<std::string>{"E = mc\u00B2"}));
}

TEST(CleanChapterText, BreakTagsSplitParagraphs) {
  const CleanedText text = clean_chapter_text("first<br>second<BR/>third&lt;br /&gt;fourth");
  EXPECT_EQ(text.paragraphs, (std::vector<std::string>{"first", "second", "third", "fourth"}));
}

TEST(CleanChapterText, ControlBidiAndInvisibleCharactersAreDropped) {
  const CleanedText text = clean_chapter_text(
      "a\x01"
      "b\u200Bc\u202Ed\uFEFFe\r\nnext\rline");
  EXPECT_EQ(text.paragraphs, (std::vector<std::string>{"abcde", "next", "line"}));
}

TEST(CleanChapterText, InvalidBytesBecomeCountedReplacementCharacters) {
  const CleanedText text = clean_chapter_text("caf\xE9 noir");
  EXPECT_EQ(text.paragraphs, (std::vector<std::string>{"caf\uFFFD noir"}));
  EXPECT_EQ(text.replacement_characters, 1u);
}

TEST(CleanChapterTitle, TitleIsUnescapedStrippedAndOnOneLine) {
  EXPECT_EQ(clean_chapter_title("  Chapter 1 &amp; 2:\n<i>The\u00A0Return</i>  "), "Chapter 1 & 2: The Return");
  EXPECT_EQ(clean_chapter_title(""), "");
}

}  // namespace
}  // namespace scrapers::readnovel
