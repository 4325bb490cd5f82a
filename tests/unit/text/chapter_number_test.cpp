#include "common/text/chapter_number.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;
using scrapers::ErrorKind;

namespace {
ChapterNumber num(std::string_view s) { return ChapterNumber::parse(s).value(); }
}  // namespace

TEST(ChapterNumber, KeepsDecimalChaptersDistinctFromWholeOnes) {
  EXPECT_EQ(num("10.5").str(), "10.5");
  EXPECT_NE(num("10.5"), num("10"));
  EXPECT_LT(num("10"), num("10.5"));
  EXPECT_LT(num("10.5"), num("11"));
  EXPECT_FALSE(num("10.5").is_integer());
  EXPECT_TRUE(num("10").is_integer());
}

TEST(ChapterNumber, NormalisesLeadingAndTrailingZeros) {
  EXPECT_EQ(num("10.50"), num("10.5"));
  EXPECT_EQ(num("10.50").str(), "10.5");
  EXPECT_EQ(num("007").str(), "7");
  EXPECT_EQ(num("3.0").str(), "3");
  EXPECT_EQ(num("0").str(), "0");
  EXPECT_EQ(num("0.25").str(), "0.25");
}

TEST(ChapterNumber, OrdersNumericallyNotLexically) {
  EXPECT_LT(num("9"), num("10"));
  EXPECT_LT(num("2.25"), num("2.5"));
  EXPECT_LT(num("2.05"), num("2.5"));
  EXPECT_GT(num("100"), num("99.99"));
  EXPECT_EQ(num("12345678901234567890123").str(), "12345678901234567890123");
  EXPECT_LT(num("99999999999999999999"), num("100000000000000000000"));
}

TEST(ChapterNumber, RejectsGarbage) {
  for (const char* bad : {"", "abc", "10.", ".5", "1.2.3", "-1", "+1", " 1", "1 ", "1e3", "10,5", "１０"}) {
    const auto r = ChapterNumber::parse(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::parse) << bad;
  }
  EXPECT_FALSE(ChapterNumber::parse(std::string(ChapterNumber::kMaxLength + 1, '1')).ok());
}

TEST(ChapterNumber, FromIntegerMatchesParsedText) {
  EXPECT_EQ(ChapterNumber::from_integer(271), num("271"));
  EXPECT_EQ(ChapterNumber::from_integer(0).str(), "0");
}

TEST(ChapterNumber, ExtractsTheNumberFromTitles) {
  EXPECT_EQ(parse_chapter_number("Chapter 10.5 – Interlude").value().str(), "10.5");
  EXPECT_EQ(parse_chapter_number("Chapter 270.5 — Side Story (외전)").value().str(), "270.5");
  EXPECT_EQ(parse_chapter_number("Chapter 2: The Weakest Hunter’s Oath").value().str(), "2");
  EXPECT_EQ(parse_chapter_number("Ch.12: Return").value().str(), "12");
  EXPECT_EQ(parse_chapter_number("CHAPTER 1: One More Novel").value().str(), "1");
  EXPECT_EQ(parse_chapter_number("Vol. 3 Chapter 12").value().str(), "12");
  EXPECT_EQ(parse_chapter_number("Chapter 1.").value().str(), "1");
  EXPECT_EQ(parse_chapter_number("第3章").value().str(), "3");
  EXPECT_EQ(parse_chapter_number("271").value().str(), "271");
}

TEST(ChapterNumber, TitleWithoutANumberIsAParseError) {
  const auto r = parse_chapter_number("Prologue");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::parse);
  EXPECT_NE(r.error().message.find("Prologue"), std::string::npos);
}
