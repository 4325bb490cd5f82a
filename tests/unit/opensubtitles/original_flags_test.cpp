// The command lines of the original worker's own docs parse as they did there: its short
// options, --workId with --title, --workId with --editionId, any printable provider
// label, and its single-episode script's --segmentId/--query.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/opensubtitles/opensubtitles_work.hpp"
#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"
#include "tests/unit/opensubtitles/cli_test_env.hpp"

namespace scrapers::opensubtitles {
namespace {

using Args = std::vector<std::string>;

constexpr const char* kWork = "0b8f3c2e-1d4a-4f5b-9c6d-7e8f9a0b1c2d";
constexpr const char* kEdition = "1c9f4d3f-2e5b-4a6c-8d7e-8f9a0b1c2d3e";
constexpr const char* kSegment = "2d0a5e4a-3f6c-4b7d-9e8f-9a0b1c2d3e4f";
constexpr const char* kShow = "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling";

using OriginalFlagsTest = CliTestEnv;

TEST_F(OriginalFlagsTest, OpensubtitlesWorkShortOptions) {
  auto parsed = parse_opensubtitles_work_cli(Args{"-u", kShow, "-w", kWork, "-t", "Solo", "-p", "os-web"});
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->url, kShow);
  EXPECT_EQ(parsed.options->work_id, kWork);
  EXPECT_EQ(parsed.options->title, "Solo");
  EXPECT_EQ(parsed.options->provider, "os-web");
}

TEST_F(OriginalFlagsTest, BulkDownloadShortOptions) {
  auto parsed = parse_bulk_download_cli(
      Args{"-w", kWork, "-e", kEdition, "-s", "Solo Leveling", "-l", "en,pt-br", "-d", "250"});
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->work_id, kWork);
  EXPECT_EQ(parsed.options->edition_id, kEdition);
  EXPECT_EQ(parsed.options->series_name, "Solo Leveling");
  EXPECT_EQ(parsed.options->languages, "en,pt-br");
  EXPECT_EQ(parsed.options->delay_ms, 250);
}

TEST_F(OriginalFlagsTest, ProviderAcceptsAnyPrintableLabelUpToSixtyFourCharacters) {
  for (const char* label : {"opensubtitles", "Open Subtitles", "os.web/../x", "字幕-組 \"2\"", "a"}) {
    EXPECT_TRUE(is_provider_label(label)) << label;
  }
  EXPECT_TRUE(is_provider_label(std::string(64, 'p')));
  std::string sixty_four_wide;
  for (int i = 0; i < 64; ++i) sixty_four_wide += "字";
  EXPECT_TRUE(is_provider_label(sixty_four_wide));  // characters, not bytes
  for (const std::string& label :
       {std::string(), std::string("  "), std::string("a\tb"), std::string("a\nb"), std::string("a\x1b[31m"),
        std::string("a\x7f"), std::string("a\xc2\x9b"), std::string("a\xe2\x80\xa8"), std::string("\xff\xfe"),
        std::string(65, 'p'), sixty_four_wide + "x"}) {
    EXPECT_FALSE(is_provider_label(label)) << label;
  }
}

TEST_F(OriginalFlagsTest, SegmentIdsAloneWithQueryAreTheSingleEpisodeScript) {
  auto parsed = parse_bulk_download_cli(Args{"--segmentId", kSegment, "--query", "Solo Leveling"});
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->segment_ids, Args{kSegment});
  EXPECT_EQ(show_name(*parsed.options), "Solo Leveling");
  EXPECT_EQ(search_text(*parsed.options), "Solo Leveling");
  auto several = parse_bulk_download_cli(Args{"--segmentId", kSegment, "--segment-id", kEdition, "-s",
                                              "Solo Leveling", "--query", "solo leveling 2024"});
  ASSERT_TRUE(several.options.has_value()) << several.message;
  EXPECT_EQ(several.options->segment_ids, (Args{kSegment, kEdition}));
  EXPECT_EQ(show_name(*several.options), "Solo Leveling");
  EXPECT_EQ(search_text(*several.options), "solo leveling 2024");
}

TEST_F(OriginalFlagsTest, SegmentIdMustBeAUuid) {
  auto parsed = parse_bulk_download_cli(Args{"--segmentId", "episode-2", "--query", "Solo"});
  EXPECT_EQ(parsed.exit_code, 2);
  EXPECT_NE(parsed.message.find("--segmentId"), std::string::npos) << parsed.message;
}

}  // namespace
}  // namespace scrapers::opensubtitles
