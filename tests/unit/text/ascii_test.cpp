#include "common/text/ascii.hpp"

#include <gtest/gtest.h>

#include <string>

namespace scrapers::text {
namespace {

TEST(Ascii, OnlyTheTwentySixLettersChangeCase) {
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(i);
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    EXPECT_EQ(ascii_lower(c), upper ? static_cast<char>(c + 32) : c) << i;
    EXPECT_EQ(ascii_upper(c), lower ? static_cast<char>(c - 32) : c) << i;
  }
}

TEST(Ascii, Utf8BytesPassThroughUnchanged) {
  const std::string text =
      "\xC3\x89t\xC3\xA9 \xE2\x80\x94 Stra\xC3\x9F"
      "e";  // "Été — Straße"
  EXPECT_EQ(to_ascii_lower(text),
            "\xC3\x89t\xC3\xA9 \xE2\x80\x94 stra\xC3\x9F"
            "e");
  EXPECT_EQ(to_ascii_upper(text),
            "\xC3\x89T\xC3\xA9 \xE2\x80\x94 STRA\xC3\x9F"
            "E");
}

TEST(Ascii, ComparisonsIgnoreAsciiCaseOnly) {
  EXPECT_TRUE(iequals_ascii("Content-Type", "content-TYPE"));
  EXPECT_FALSE(iequals_ascii("Content-Type", "Content-Typ"));
  EXPECT_FALSE(iequals_ascii("\xC3\x89", "\xC3\xA9"));  // É and é are not ASCII
  EXPECT_TRUE(starts_with_ascii_icase("HTTPS://Example", "https://"));
  EXPECT_FALSE(starts_with_ascii_icase("http", "https://"));
  EXPECT_TRUE(ends_with_ascii_icase("Episode.SRT", ".srt"));
  EXPECT_FALSE(ends_with_ascii_icase("srt", ".srt"));
}

TEST(Ascii, FindingIgnoresAsciiCaseAndHonoursTheStart) {
  constexpr std::string_view page = "<TITLE>Just A Moment...</title>";
  EXPECT_EQ(find_ascii_icase(page, "<title>"), 0u);
  EXPECT_EQ(find_ascii_icase(page, "</TITLE>"), 23u);
  EXPECT_EQ(find_ascii_icase(page, "<title>", 1), std::string_view::npos);
  EXPECT_EQ(find_ascii_icase(page, "x", page.size() + 1), std::string_view::npos);
  EXPECT_EQ(find_ascii_icase(page, "", 3), 3u);
  EXPECT_TRUE(contains_ascii_icase(page, "just a moment"));
  EXPECT_FALSE(contains_ascii_icase(page, "just a second"));
}

TEST(Ascii, FindingMatchesTheFirstLetterInEitherCaseWhicheverComesFirst) {
  EXPECT_EQ(find_ascii_icase("cx cF Cf", "cf"), 3u);
  EXPECT_EQ(find_ascii_icase("Cx cx CF", "cf"), 6u);
  EXPECT_EQ(find_ascii_icase("ccccf", "cf"), 3u);
  EXPECT_EQ(find_ascii_icase("abc", "abcd"), std::string_view::npos);
  EXPECT_EQ(find_ascii_icase("__x", "_X"), 1u);
}

}  // namespace
}  // namespace scrapers::text
