#include "scrapers/runtime/segment_assets.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

tracking::Segment segment(std::string number) {
  tracking::Segment s;
  s.id = "s";
  s.work_id = "11111111-1111-4111-8111-111111111111";
  s.edition_id = "22222222-2222-4222-8222-222222222222";
  s.number = std::move(number);
  return s;
}

TEST(PaddedNumber, PadsTheWholePartToFourDigitsAndKeepsDecimals) {
  EXPECT_EQ(padded_number("1"), "0001");
  EXPECT_EQ(padded_number("12"), "0012");
  EXPECT_EQ(padded_number("10.5"), "0010.5");
  EXPECT_EQ(padded_number("12345"), "12345");
}

TEST(ChapterAssetKey, FollowsTheNovelLayoutWithASanitisedTitle) {
  EXPECT_EQ(chapter_asset_key(segment("2"), "Chapter 2: The Weakest Hunter’s Oath"),
            "raw/novel/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/"
            "number-0002/chapter-2-the-weakest-hunter’s-oath.html");
}

TEST(TitleSlug, LowerCasesJoinsWithHyphensAndNeverComesOutEmpty) {
  EXPECT_EQ(title_slug("Chapter 270.5 — Side Story (외전)"), "chapter-270.5-—-side-story-(외전)");
  EXPECT_EQ(title_slug("  A -- B  "), "a-b");
  EXPECT_EQ(title_slug("???"), "untitled");
  EXPECT_EQ(title_slug(".."), "untitled");
}

TEST(ChapterAssetKey, HostileTitlesCannotLeaveTheSegmentFolder) {
  const std::string key = chapter_asset_key(segment("1"), "../../../etc/passwd");
  EXPECT_EQ(key.rfind("raw/novel/11111111-1111-4111-8111-111111111111/", 0), 0u);
  EXPECT_EQ(key.find("/../"), std::string::npos);
  EXPECT_EQ(std::count(key.begin(), key.end(), '/'), 5);
}

TEST(SubtitleAssetKey, FollowsTheAnimeLayoutAndNeutralisesTraversal) {
  const std::string key = subtitle_asset_key(segment("3"), 3, "../../x.srt");
  EXPECT_EQ(
      key.rfind("raw/anime/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/episode-3/",
                0),
      0u);
  EXPECT_EQ(std::count(key.begin(), key.end(), '/'), 5) << key;
  EXPECT_EQ(key.find("/.."), std::string::npos) << key;
  EXPECT_EQ(key.substr(key.size() - 4), ".srt");
}

}  // namespace
}  // namespace scrapers::runtime
