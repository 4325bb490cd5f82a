#include "scrapers/opensubtitles/search_response.hpp"

#include <gtest/gtest.h>

#include "tests/unit/opensubtitles/fixtures.hpp"

namespace scrapers::opensubtitles {
namespace {

using testing::read_fixture;

SearchPage parse_fixture(std::string_view name) {
  auto page = parse_search_response(read_fixture(name));
  EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().describe());
  return std::move(page).value_or_throw();
}

TEST(SearchResponse, ReadsEnvelopeAndTheAttributesOfEachResult) {
  const SearchPage page = parse_fixture("api/search-s01e01-best-first.json");
  EXPECT_EQ(page.total_pages, 1);
  EXPECT_EQ(page.total_count, 3);
  EXPECT_EQ(page.per_page, 50);
  ASSERT_EQ(page.results.size(), 3u);
  const SubtitleResult& best = page.results[0];
  EXPECT_EQ(best.id, "7712001");
  EXPECT_EQ(best.language, "en");
  EXPECT_EQ(best.download_count, 15234);
  EXPECT_EQ(best.from_trusted, true);
  EXPECT_EQ(best.machine_translated, false);
  EXPECT_EQ(best.uploader_name, "Kuroi\u2014Subs");
  EXPECT_EQ(best.season_number, 1);
  EXPECT_EQ(best.episode_number, 1);
  EXPECT_EQ(best.feature_title, "I\u2019m Used to It");
  ASSERT_EQ(best.files.size(), 1u);
  EXPECT_EQ(best.files[0].file_id, 8123001);
  EXPECT_EQ(best.files[0].file_name, "[SubsPlease] Solo Leveling - 01 (1080p).en.srt");
}

TEST(SearchResponse, KeepsAResultWhoseFilesListIsEmpty) {
  const SearchPage page = parse_fixture("api/search-s01e01-best-first.json");
  const SubtitleResult& foreign = page.results[2];
  EXPECT_EQ(foreign.language, "pt-BR");
  EXPECT_TRUE(foreign.files.empty());
  EXPECT_EQ(foreign.hearing_impaired, std::nullopt);
  EXPECT_EQ(foreign.from_trusted, std::nullopt);
}

TEST(SearchResponse, SurvivesNullAndMissingFieldsEverywhere) {
  const SearchPage page = parse_fixture("api/search-s01e04-null-fields.json");
  EXPECT_EQ(page.total_pages, std::nullopt);
  EXPECT_EQ(page.total_count, std::nullopt);
  EXPECT_EQ(page.skipped_items, 1u);  // the bare null item
  ASSERT_EQ(page.results.size(), 5u);
  EXPECT_EQ(page.results[0].id, "");
  EXPECT_EQ(page.results[0].language, std::nullopt);
  EXPECT_TRUE(page.results[0].files.empty());
  EXPECT_EQ(page.results[1].id, "7715002");    // attributes: null
  EXPECT_EQ(page.results[2].id, "7715003");    // attributes missing
  EXPECT_TRUE(page.results[3].files.empty());  // files without a usable file_id
  const SubtitleResult& usable = page.results[4];
  EXPECT_EQ(usable.language, "EN");
  EXPECT_EQ(usable.download_count, std::nullopt);
  EXPECT_EQ(usable.season_number, 1);
  EXPECT_EQ(usable.parent_title, "Solo Leveling");
  EXPECT_EQ(usable.parent_feature_id, 1650010);
  EXPECT_EQ(usable.parent_imdb_id, std::nullopt);  // null
  EXPECT_EQ(usable.parent_tmdb_id, std::nullopt);  // missing
  ASSERT_EQ(usable.files.size(), 1u);
  EXPECT_EQ(usable.files[0].file_id, 8126006);
  EXPECT_EQ(usable.files[0].cd_number, std::nullopt);
}

TEST(SearchResponse, EmptyResultIsAnEmptyListNotAnError) {
  const SearchPage page = parse_fixture("api/search-s02e01-empty.json");
  EXPECT_EQ(page.total_pages, 0);
  EXPECT_TRUE(page.results.empty());
}

TEST(SearchResponse, AcceptsIdsAndNumbersWrittenAsStrings) {
  auto page = parse_search_response(
      R"({"data":[{"id":7,"attributes":{"download_count":"42","from_trusted":1,"files":[{"file_id":"99"}]}}]})");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->results.size(), 1u);
  EXPECT_EQ(page->results[0].id, "7");
  EXPECT_EQ(page->results[0].download_count, 42);
  EXPECT_EQ(page->results[0].from_trusted, true);
  ASSERT_EQ(page->results[0].files.size(), 1u);
  EXPECT_EQ(page->results[0].files[0].file_id, 99);
}

TEST(SearchResponse, NullDataIsEmpty) {
  auto page = parse_search_response(R"({"total_count":0,"data":null})");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->results.empty());
}

TEST(SearchResponse, RejectsBodiesThatAreNotASearchResponse) {
  EXPECT_EQ(parse_search_response(read_fixture("api/error-503-html.html")).error().kind,
            ErrorKind::bad_content_type);
  EXPECT_EQ(parse_search_response("{\"data\": [").error().kind, ErrorKind::parse);
  EXPECT_EQ(parse_search_response("[]").error().kind, ErrorKind::layout_changed);
  EXPECT_EQ(parse_search_response(R"({"data":{"x":1}})").error().kind, ErrorKind::layout_changed);
  EXPECT_EQ(parse_search_response(read_fixture("api/error-429-rate-limit.json")).error().kind,
            ErrorKind::missing_field);
  EXPECT_EQ(parse_search_response("").error().kind, ErrorKind::parse);
}

}  // namespace
}  // namespace scrapers::opensubtitles
