#include "scrapers/readnovel/watermark.hpp"

#include <gtest/gtest.h>

namespace scrapers::readnovel {
namespace {

TEST(FoldConfusables, GreekAndIpaLookAlikesFoldToAscii) {
  EXPECT_EQ(fold_confusables("ΒOXΝʘVEL.ϹΟM ."), "boxnovel com");
}

TEST(FoldConfusables, FullWidthMathematicalAndSmallCapitalLettersFoldToAscii) {
  EXPECT_EQ(fold_confusables("ｎｏｖｅｌｆｕｌｌ．ｃｏｍ"), "novelfull com");
  EXPECT_EQ(fold_confusables("𝐍𝐨𝐯𝐞𝐥𝐁𝐢𝐧"), "novelbin");
  EXPECT_EQ(fold_confusables("ʙᴏxɴᴏᴠᴇʟ"), "boxnovel");
  EXPECT_EQ(fold_confusables("Ⓝⓞⓥⓔⓛ"), "novel");
}

TEST(FoldConfusables, DiacriticsVanishAndJoinersDoNotSplitWords) {
  EXPECT_EQ(fold_confusables("frééwébnövel"), "freewebnovel");
  EXPECT_EQ(fold_confusables("n/ovel-f*ull"), "novelfull");
  EXPECT_EQ(fold_confusables("n\u0336o\u0336v\u0336e\u0336l"), "novel");
  EXPECT_EQ(fold_confusables("l1ght n0vel"), "llght novel");
}

TEST(WatermarkLine, KnownAggregatorLinesAreRecognisedInTheirVariants) {
  for (std::string_view line : {
           "Please continue reading on ΒOXΝʘVEL.ϹΟM .",
           "Ｐｌｅａｓｅ　ｃｏｎｔｉｎｕｅ　ｒｅａｄｉｎｇ　ｏｎ　ｎｏｖｅｌｆｕｌｌ．ｃｏｍ",
           "The source of this content is lightnοvelpub.cοm",
           "𝐑𝐞𝐚𝐝 𝐚𝐭 𝐍𝐨𝐯𝐞𝐥𝐁𝐢𝐧.𝐜𝐨𝐦",
           "Find authorized novels in Webnovel, faster updates, better experience, Please click "
           "www.webnovel.com for visiting.",
           "This chapter is updated by frееwеbnоvеl.cоm",
           "Read latest Chapters at WuxiaWorld.Site Only",
           "Visit lightnovelworld.com for a better experience",
           "novelbin.net",
           "b o x n o v e l . c o m",
           "Updated from n/ovelbin.c/om",
           "This tale has been unlawfully lifted from Royal Road; report any instances of this story if "
           "found elsewhere.",
       }) {
    EXPECT_TRUE(is_watermark_line(line)) << line;
  }
}

TEST(WatermarkLine, ProseIsKeptEvenWhenItNamesAnAggregator) {
  for (std::string_view line : {
           "“You read that on NovelFull?” Min-seo laughed.",
           "“Is it on NovelFull?”",
           "He had read it on novelfull.com years ago, before the site went dark.",
           "Please continue reading the letter, she said.",
           "\"Please continue reading,\" the scholar said mildly, \"on the next page.\"",
           "A novel full of lies.",
           "The Royal Road ran east toward the capital.",
           "Chapter 12: Boxnovel Heist",
           "",
           "...",
       }) {
    EXPECT_FALSE(is_watermark_line(line)) << line;
  }
}

TEST(WatermarkLine, LinesWithoutAnAggregatorNameAreNeverWatermarks) {
  EXPECT_FALSE(is_watermark_line("Please continue reading on the next page"));
  EXPECT_FALSE(is_watermark_line("Read the latest chapters first"));
}

TEST(WatermarkLine, VeryLongLinesAreNeverWatermarks) {
  std::string line = "novelfull.com";
  for (int i = 0; i < 40; ++i) line += " please";
  EXPECT_FALSE(is_watermark_line(line));
}

}  // namespace
}  // namespace scrapers::readnovel
