#include "scrapers/opensubtitles/subtitle_file.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

TEST(SubtitleContentType, FollowsTheExtensionInAnyCase) {
  EXPECT_EQ(subtitle_content_type("a.srt"), "text/plain");
  EXPECT_EQ(subtitle_content_type("[SubsPlease] x.EN.SRT"), "text/plain");
  EXPECT_EQ(subtitle_content_type("a.vtt"), "text/vtt");
  EXPECT_EQ(subtitle_content_type("a.ass"), "text/x-ssa");
  EXPECT_EQ(subtitle_content_type("a.ssa"), "text/x-ssa");
  EXPECT_EQ(subtitle_content_type("a.sub"), "application/octet-stream");
  EXPECT_EQ(subtitle_content_type("srt"), "application/octet-stream");
}

TEST(SubtitleFileName, NeutralisesHostileNamesIntoOneComponent) {
  const std::string name = subtitle_file_name(std::string("../../evil/../x.srt"), std::nullopt, 1);
  EXPECT_EQ(name.find('/'), std::string::npos);
  EXPECT_NE(name, "..");
  EXPECT_EQ(name.substr(name.size() - 4), ".srt");
  const std::string windows = subtitle_file_name(std::string("..\\..\\x.srt"), std::nullopt, 1);
  EXPECT_EQ(windows.find('\\'), std::string::npos);
}

TEST(SubtitleFileName, PrefersTheFirstNonBlankNameAndFallsBackToTheFileId) {
  EXPECT_EQ(subtitle_file_name(std::string("a.srt"), std::string("b.srt"), 7), "a.srt");
  EXPECT_EQ(subtitle_file_name(std::string("  "), std::string("b.srt"), 7), "b.srt");
  EXPECT_EQ(subtitle_file_name(std::nullopt, std::nullopt, 8123001), "subtitle-8123001.srt");
}

TEST(SubtitleFileName, KeepsUnicodeAndBrackets) {
  EXPECT_EQ(subtitle_file_name(std::string("[SubsPlease] 나 혼자만 레벨업 - 01.srt"), std::nullopt, 1),
            "[SubsPlease] 나 혼자만 레벨업 - 01.srt");
}

TEST(SubtitleFixtures, KeepTheirByteOrderMarkAndNonAsciiText) {
  const std::string srt = testing::read_fixture("files/solo.leveling.s01e01.en.srt");
  EXPECT_EQ(srt.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(srt.find("나 혼자만 레벨업"), std::string::npos);
  EXPECT_EQ(subtitle_content_type("solo.leveling.s01e01.en.srt"), "text/plain");
}

}  // namespace
}  // namespace scrapers::opensubtitles
