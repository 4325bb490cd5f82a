// The shared watermark rule (watermark_line.hpp) on its confusables skeleton
// (confusables.hpp): look-alike letters of every covered kind still spell the
// watermark; story text naming a site never does.
#include "common/text/watermark_line.hpp"

#include <gtest/gtest.h>

#include "common/text/confusables.hpp"

namespace scrapers::text {
namespace {

TEST(ConfusablesSkeleton, EachCoveredKindOfLookAlikeFoldsToAscii) {
  EXPECT_EQ(fold_confusables("\u0392\u039F\u03A7 \u039D\u039F\u03A4\u0395"), "box note");  // Greek capitals
  EXPECT_EQ(fold_confusables("\u0412\u041E\u0425\u041D\u041E\u0412\u0415\u0422"),
            "boxhobet");  // Cyrillic capitals
  EXPECT_EQ(fold_confusables("\u0299\u1D0F\u0445\u0274\u1D0F\u1D20\u1D07\u029F"),
            "boxnovel");  // small capitals (х Cyrillic)
  EXPECT_EQ(fold_confusables("\uFF42\uFF4F\uFF58\uFF4E\uFF4F\uFF56\uFF45\uFF4C"), "boxnovel");  // full-width
  EXPECT_EQ(fold_confusables("\u212C\u2134x\u2115\u2134\u2164\u2147\u2113"), "boxnovel");  // letter-like symbols
  EXPECT_EQ(fold_confusables("\U0001D41B\U0001D428\U0001D431\U0001D427\U0001D428\U0001D42F\U0001D41E\U0001D425"),
            "boxnovel");                                            // mathematical bold
  EXPECT_EQ(fold_confusables("\u13F4\u13A5\u13C3"), "biz");         // Cherokee
  EXPECT_EQ(fold_confusables("\u0555\u057D"), "ou");                // Armenian
  EXPECT_EQ(fold_confusables("\u1D2E\u1D3C\u02E3\u207F"), "boxn");  // modifier letters
}

TEST(WatermarkLine, LinesWrittenWithLookAlikesAreWatermarks) {
  for (
      std::string_view line : {
          "Please continue reading on \u0392OX\u039D\u0298VEL.\u03F9\u039FM .",  // Greek + IPA
          "P\u029F\u1D07\u1D00s\u1D07 \u1D04\u1D0F\u0274\u1D1B\u026A\u0274\u1D1C\u1D07 "
          "\u0280\u1D07\u1D00\u1D05\u026A"
          "\u0274\u0262 \u1D0F\u0274 \u0299\u1D0F\u0445\u0274\u1D0F\u1D20\u1D07\u029F.\u1D04\u1D0F\u1D0D",  // small caps
          "R\u0435\u0430d l\u0430t\u0435st \u0441h\u0430\u0440t\u0435rs \u0430t N\u043EvelBin.\u0441\u043Em",  // Cyrillic
          "\uFF32\uFF45\uFF41\uFF44 \uFF41\uFF54 "
          "\uFF4E\uFF4F\uFF56\uFF45\uFF4C\uFF46\uFF55\uFF4C\uFF4C\uFF0E\uFF43\uFF4F"
          "\uFF4D",                                                               // full-width
          "Visit \u2113ightnove\u2113pub.\u2102\u2134m for the latest chapters",  // letter-like
          "\U0001D411\U0001D41E\U0001D41A\U0001D41D \U0001D41A\U0001D42D \U0001D40D\U0001D428\U0001D42F\U0001D41E"
          "\U0001D425\U0001D401\U0001D422\U0001D427.\U0001D41C\U0001D428\U0001D426",  // mathematical bold
          "\u13A1ead at novel\u13CFin.com",                                           // Cherokee
      }) {
    EXPECT_TRUE(is_watermark_line(line)) << line;
  }
}

TEST(WatermarkLine, StoryTextThatNamesASiteIsKeptWhateverItsLetters) {
  for (std::string_view line : {
           "He had read it on novelfull.com years ago, before the site went dark.",
           "He had read it on \u039D\u039FVELFULL.\u03F9\u039FM years ago, before the site went dark.",
           "\u201CYou read that on \u0299\u1D0F\u0445\u0274\u1D0F\u1D20\u1D07\u029F?\u201D Min-seo laughed.",
           "The \u0280\u1D0F\u028F\u1D00\u029F road ran east toward the capital.",
           "Please continue reading the letter, she said.",
           "\u0392OX\u039D\u0298VEL was the name of the ship.",
       }) {
    EXPECT_FALSE(is_watermark_line(line)) << line;
  }
}

}  // namespace
}  // namespace scrapers::text
