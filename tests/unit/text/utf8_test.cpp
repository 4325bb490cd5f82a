#include "common/text/utf8.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;

TEST(Utf8, AcceptsAsciiAndMultiByteText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("Hunter\xE2\x80\x99s Oath \xEC\x99\xB8\xEC\xA0\x84 \xF0\x9F\x98\x80"));
}

TEST(Utf8, ReportsTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xE9"
                              "def"),
            3U);
  EXPECT_EQ(find_invalid_utf8("0123456789\xFF"), 10U);
  EXPECT_EQ(find_invalid_utf8("ok \xE2\x80"), 3U);  // truncated sequence at the end
}

TEST(Utf8, RejectsOverlongSurrogateAndOutOfRangeForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Utf8, RepairReplacesEachMaximalBadSubpartWithOneReplacementCharacter) {
  EXPECT_EQ(repair_utf8("a\xE2\x80"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repair_utf8("a\xFF\xFE"
                        "b"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  const std::string valid = "caf\xC3\xA9 \xE2\x80\x94 ok";
  EXPECT_EQ(repair_utf8(valid), valid);
  EXPECT_TRUE(is_valid_utf8(repair_utf8("\xC0\xAF\xED\xA0\x80 tail \x80")));
}

TEST(Utf8, DecodeReturnsCodePointAndLength) {
  const DecodedCodePoint d = decode_utf8("\xE2\x80\x99x", 0);
  EXPECT_TRUE(d.valid);
  EXPECT_EQ(d.cp, U'\u2019');
  EXPECT_EQ(d.length, 3U);
  EXPECT_FALSE(decode_utf8("\x80", 0).valid);
}

TEST(Utf8, AppendEncodesAllLengthsAndReplacesSurrogates) {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, 0xE9);
  append_utf8(out, 0x2019);
  append_utf8(out, 0x1F600);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80");
  std::string bad;
  append_utf8(bad, 0xD800);
  EXPECT_EQ(bad, "\xEF\xBF\xBD");
}

TEST(Utf8, PrefixLengthNeverSplitsACharacter) {
  const std::string s =
      "ab\xE2\x80\x99"
      "cd";  // a b ’ c d
  EXPECT_EQ(utf8_prefix_length(s, 3), 2U);
  EXPECT_EQ(utf8_prefix_length(s, 4), 2U);
  EXPECT_EQ(utf8_prefix_length(s, 5), 5U);
  EXPECT_EQ(utf8_prefix_length(s, 100), s.size());
}
