#include "scrapers/opensubtitles/subtitle_file.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

constexpr std::string_view kWork = "0b8f3c2e-1d4a-4f5b-9c6d-7e8f9a0b1c2d";
constexpr std::string_view kEdition = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

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

TEST(SubtitleKey, PlacesTheFileUnderTheEpisodeFolderAndCannotEscapeIt) {
  EXPECT_EQ(subtitle_key(kWork, kEdition, 3, "Solo.Leveling.S01E03.vtt"),
            "raw/anime/" + std::string(kWork) + "/" + std::string(kEdition) + "/episode-3/Solo.Leveling.S01E03.vtt");
  const std::string hostile = subtitle_key(kWork, kEdition, 4, "../../x.srt");
  const std::string prefix = "raw/anime/" + std::string(kWork) + "/" + std::string(kEdition) + "/episode-4/";
  ASSERT_EQ(hostile.substr(0, prefix.size()), prefix);
  EXPECT_EQ(hostile.find('/', prefix.size()), std::string::npos);
  EXPECT_EQ(hostile.find("/../"), std::string::npos);
}

TEST(SubtitleFixtures, KeepTheirByteOrderMarkAndNonAsciiText) {
  const std::string srt = testing::read_fixture("files/solo.leveling.s01e01.en.srt");
  EXPECT_EQ(srt.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(srt.find("나 혼자만 레벨업"), std::string::npos);
  EXPECT_EQ(subtitle_content_type("solo.leveling.s01e01.en.srt"), "text/plain");
}

}  // namespace
}  // namespace scrapers::opensubtitles
