#include "common/text/whitespace.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;

TEST(Whitespace, CollapsesRunsAndTrimsEachLine) {
  EXPECT_EQ(clean_whitespace("  Jin-Woo \t opened   his eyes.  \n   Again?  "),
            "Jin-Woo opened his eyes.\nAgain?");
}

TEST(Whitespace, NormalisesCrLfAndLoneCr) {
  EXPECT_EQ(normalize_line_endings("a\r\nb\rc\n"), "a\nb\nc\n");
  EXPECT_EQ(clean_whitespace("a\r\nb\rc"), "a\nb\nc");
}

TEST(Whitespace, CollapsesBlankLinesToTheConfiguredMaximum) {
  const std::string in = "\n\npara one\n\n\n\n  \npara two\n\n";
  EXPECT_EQ(clean_whitespace(in), "para one\n\npara two");
  CleanOptions none;
  none.max_blank_lines = 0;
  EXPECT_EQ(clean_whitespace(in, none), "para one\npara two");
}

TEST(Whitespace, TurnsNoBreakSpacesIntoSpacesOnlyWhenAsked) {
  const std::string in =
      "5\xC2\xA0hours\xC2\xA0\xC2\xA0"
      "ago";
  EXPECT_EQ(clean_whitespace(in), "5 hours ago");
  CleanOptions keep;
  keep.nbsp_to_space = false;
  EXPECT_EQ(clean_whitespace(in, keep), in);
}

TEST(Whitespace, SingleLineModeJoinsLines) {
  CleanOptions one_line;
  one_line.keep_line_breaks = false;
  EXPECT_EQ(clean_whitespace(" a\n\n b \r\n c ", one_line), "a b c");
  EXPECT_EQ(collapse_whitespace("\tx \n y\t"), "x y");
}

TEST(Whitespace, TrimRemovesOnlyAsciiWhitespaceAtTheEnds) {
  EXPECT_EQ(trim(" \t x y \n"), "x y");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   "), "");
}
