#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/chereads/chereads_work_cli.hpp"
#include "scrapers/chereads/work_url.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::chereads {
namespace {

constexpr const char* kWork = "5c36ee25-e4ff-4e49-ac89-302ae715e596";
using scrapers::testing::ScopedEnv;

constexpr const char* kList = "https://www.chereads.com/chapterlist/34048845808168505/";

TEST(ChereadsWorkCli, AcceptsBothFlagFormsAndDefaultsTheTitle) {
  ScopedEnv base("CHEREADS_BASE", std::nullopt);
  auto equals = parse_chereads_work_cli(std::string("--url=") + kList + " --workId=" + kWork);
  ASSERT_TRUE(equals.options.has_value()) << equals.message;
  EXPECT_EQ(equals.options->url, kList);
  EXPECT_EQ(equals.options->work_id, kWork);
  EXPECT_FALSE(equals.options->title.has_value());
  EXPECT_EQ(equals.options->effective_title(), "Unknown Title");
  auto spaced = parse_chereads_work_cli(std::string("--url ") + kList + " --workId " + kWork +
                                        " --title \"The Lantern-Keeper\"");
  ASSERT_TRUE(spaced.options.has_value()) << spaced.message;
  EXPECT_EQ(spaced.options->effective_title(), "The Lantern-Keeper");
}

TEST(ChereadsWorkCli, MalformedWorkIdIsAUsageErrorNamingTheFlag) {
  auto parsed = parse_chereads_work_cli(std::string("--url=") + kList + " --workId=not-a-uuid");
  EXPECT_FALSE(parsed.options.has_value());
  EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage);
  EXPECT_NE(parsed.message.find("--workId"), std::string::npos) << parsed.message;
}

TEST(ChereadsWorkCli, UrlsOffTheSiteOrWithoutABookIdAreUsageErrors) {
  ScopedEnv base("CHEREADS_BASE", std::nullopt);
  for (const char* url :
       {"https://www.example.com/chapterlist/34048845808168505/",
        "https://www.chereads.com/book/34048845808168505", "https://www.chereads.com/chapterlist/abc/",
        "https://www.chereads.com/novel/34048845808168505/86954917348045530",
        "ftp://www.chereads.com/chapterlist/1/", "chapterlist/1"}) {
    auto parsed = parse_chereads_work_cli(std::string("--url=") + url + " --workId=" + kWork);
    EXPECT_FALSE(parsed.options.has_value()) << url;
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << url;
    EXPECT_NE(parsed.message.find("--url"), std::string::npos) << parsed.message;
  }
}

TEST(ChereadsWorkCli, ConfiguredBaseDecidesWhichHostIsAccepted) {
  ScopedEnv base("CHEREADS_BASE", "http://127.0.0.1:8089");
  auto local = parse_chereads_work_cli(std::string("--url=http://127.0.0.1:8089/novel/42 --workId=") + kWork);
  EXPECT_TRUE(local.options.has_value()) << local.message;
  auto production = parse_chereads_work_cli(std::string("--url=") + kList + " --workId=" + kWork);
  EXPECT_EQ(production.exit_code, runtime::exit_code::usage);
}

TEST(ChereadsWorkCli, MissingUrlAndEmptyTitleAreUsageErrors) {
  auto missing = parse_chereads_work_cli(std::string("--workId=") + kWork);
  EXPECT_EQ(missing.exit_code, runtime::exit_code::usage);
  EXPECT_NE(missing.message.find("--url"), std::string::npos) << missing.message;
  auto empty = parse_chereads_work_cli(std::string("--url=") + kList + " --workId=" + kWork + " --title=\" \"");
  EXPECT_EQ(empty.exit_code, runtime::exit_code::usage);
  EXPECT_NE(empty.message.find("--title"), std::string::npos) << empty.message;
}

TEST(ChereadsWorkCli, HelpAndVersionExitZeroWithoutRunning) {
  for (const char* line : {"--help", "--version"}) {
    auto parsed = parse_chereads_work_cli(line);
    EXPECT_FALSE(parsed.options.has_value()) << line;
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::ok) << line;
  }
}

TEST(ChereadsSegmentCli, DefaultsMatchTheOriginalScript) {
  auto parsed = parse_chereads_segment_cli(std::string("--editionId=") + kWork);
  ASSERT_TRUE(parsed.options.has_value()) << parsed.message;
  EXPECT_EQ(parsed.options->start, 1);
  EXPECT_EQ(parsed.options->end, 999999);
  EXPECT_EQ(parsed.options->delay_ms, 2000);
  EXPECT_EQ(parsed.options->limit, 0);
}

TEST(ChereadsSegmentCli, AcceptsBothFlagForms) {
  auto equals = parse_chereads_segment_cli(std::string("--editionId=") + kWork +
                                           " --start=3 --end=9 --delay=0 --limit=2");
  ASSERT_TRUE(equals.options.has_value()) << equals.message;
  EXPECT_EQ(equals.options->start, 3);
  EXPECT_EQ(equals.options->end, 9);
  EXPECT_EQ(equals.options->delay_ms, 0);
  EXPECT_EQ(equals.options->limit, 2);
  auto spaced = parse_chereads_segment_cli(std::string("--editionId ") + kWork + " --start 4 --end 4 --delay 150");
  ASSERT_TRUE(spaced.options.has_value()) << spaced.message;
  EXPECT_EQ(spaced.options->start, 4);
  EXPECT_EQ(spaced.options->delay_ms, 150);
}

TEST(ChereadsSegmentCli, OutOfRangeValuesAreUsageErrorsNamingTheFlag) {
  const std::string edition = std::string("--editionId=") + kWork;
  const std::pair<std::string, const char*> cases[] = {
      {edition + " --start=0", "--start"},       {edition + " --start=5 --end=4", "--end"},
      {edition + " --delay=-1", "--delay"},      {edition + " --limit=0", "--limit"},
      {edition + " --start=abc", "--start"},     {"--editionId=xyz", "--editionId"},
      {edition + " --delay=3600001", "--delay"}, {"--start=1", "--editionId"}};
  for (const auto& [line, flag] : cases) {
    auto parsed = parse_chereads_segment_cli(line);
    EXPECT_FALSE(parsed.options.has_value()) << line;
    EXPECT_EQ(parsed.exit_code, runtime::exit_code::usage) << line;
    EXPECT_NE(parsed.message.find(flag), std::string::npos) << line << " -> " << parsed.message;
  }
}

TEST(ChereadsWorkUrl, ChapterListAndNovelPagesGiveTheirBookId) {
  const std::string base = "https://www.chereads.com";
  auto list = parse_work_url(kList, base);
  ASSERT_TRUE(list.ok()) << list.error().describe();
  EXPECT_EQ(list->book_id, "34048845808168505");
  EXPECT_TRUE(list->chapter_list);
  auto novel = parse_work_url("https://chereads.com/novel/34048845808168505?ref=home", base);
  ASSERT_TRUE(novel.ok()) << novel.error().describe();
  EXPECT_EQ(novel->book_id, "34048845808168505");
  EXPECT_FALSE(novel->chapter_list);
  EXPECT_EQ(novel_page_url("http://127.0.0.1:5", "7"), "http://127.0.0.1:5/novel/7");
  EXPECT_EQ(chapter_list_url("http://127.0.0.1:5/", "7"), "http://127.0.0.1:5/chapterlist/7/");
}

TEST(ChereadsWorkUrl, BookIdOfTreatsNovelAndChapterListPagesOfOneBookAlike) {
  EXPECT_EQ(book_id_of(kList), "34048845808168505");
  EXPECT_EQ(book_id_of("http://127.0.0.1:9/novel/34048845808168505"), "34048845808168505");
  EXPECT_EQ(book_id_of("https://chereads.com/novel/34048845808168519/?ref=x"), "34048845808168519");
  EXPECT_EQ(book_id_of("https://www.chereads.com/novel/1/2"), std::nullopt) << "a chapter page names no book";
  EXPECT_EQ(book_id_of("https://www.chereads.com/ranking"), std::nullopt);
  EXPECT_EQ(book_id_of("not a url"), std::nullopt);
}

}  // namespace
}  // namespace scrapers::chereads
