#include "tracking/catalog.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_database.hpp"
#include "tracking/migrations.hpp"

namespace scrapers::tracking {
namespace {

using testing::TestDatabase;

constexpr const char* kWork = "11111111-1111-4111-8111-111111111111";

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_DATABASE();
    database_ = std::make_unique<TestDatabase>("catalog");
    db_.emplace(Database::open(database_->conninfo()).value_or_throw());
    ASSERT_TRUE(migrate(*db_).ok());
    ASSERT_TRUE(ensure_work(*db_, kWork, "Solo Leveling").value());
  }
  Edition novel_edition() {
    return get_or_create_edition(*db_, {kWork, "novel", "readnovel", "https://readnovel.eu/novel/x"})
        .value_or_throw();
  }
  std::string count(const std::string& sql) { return database_->scalar(sql).value_or("NULL"); }

  std::unique_ptr<TestDatabase> database_;
  std::optional<Database> db_;
};

TEST_F(CatalogTest, EnsureWorkCreatesOnceAndKeepsTheExistingTitle) {
  EXPECT_FALSE(ensure_work(*db_, kWork, "Other Title").value());
  EXPECT_EQ(count("SELECT title FROM works"), "Solo Leveling");
  EXPECT_TRUE(work_exists(*db_, kWork).value());
  EXPECT_FALSE(work_exists(*db_, "22222222-2222-4222-8222-222222222222").value());
}

TEST_F(CatalogTest, EditionIsCreatedOnceAndFoundAfterwards) {
  Edition first = novel_edition();
  EXPECT_TRUE(first.created);
  Edition second = novel_edition();
  EXPECT_FALSE(second.created);
  EXPECT_EQ(first.id, second.id);
  EXPECT_EQ(count("SELECT count(*) FROM editions"), "1");
  auto found = find_edition(*db_, first.id).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->provider, "readnovel");
  EXPECT_EQ(found->work_id, kWork);
}

TEST_F(CatalogTest, RacingGetOrCreateNeverDuplicatesAnEdition) {
  constexpr int kThreads = 8;
  std::vector<std::string> ids(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Database own = Database::open(database_->conninfo()).value_or_throw();
      ids[static_cast<std::size_t>(i)] =
          get_or_create_edition(own, {kWork, "anime", "opensubtitles-s1", "u"}).value_or_throw().id;
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& id : ids) EXPECT_EQ(id, ids.front());
  EXPECT_EQ(count("SELECT count(*) FROM editions WHERE provider = 'opensubtitles-s1'"), "1");
}

TEST_F(CatalogTest, UpsertCountsInsertedUpdatedAndSkippedExactly) {
  Edition edition = novel_edition();
  std::vector<SegmentInput> chapters = {{"1", "Chapter 1", "https://x/c/1"},
                                        {"2", "Chapter 2", "https://x/c/2"},
                                        {"10.5", "Chapter 10.5", "https://x/c/10-5"}};
  UpsertCounts first = upsert_segments(*db_, edition.id, "chapter", chapters).value();
  EXPECT_EQ(first.inserted, 3);
  EXPECT_EQ(first.updated, 0);
  EXPECT_EQ(first.skipped, 0);

  UpsertCounts again = upsert_segments(*db_, edition.id, "chapter", chapters).value();
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.skipped, 3);

  chapters[1] = {"2", "Chapter 2 (fixed)", "https://x/c/2-fixed"};
  chapters.push_back({"10", "Chapter 10", "https://x/c/10"});
  UpsertCounts changed = upsert_segments(*db_, edition.id, "chapter", chapters).value();
  EXPECT_EQ(changed.inserted, 1);
  EXPECT_EQ(changed.updated, 1);
  EXPECT_EQ(changed.skipped, 2);
  EXPECT_EQ(count("SELECT title FROM segments WHERE number = 2"), "Chapter 2 (fixed)");
  EXPECT_EQ(count("SELECT count(*) FROM segments WHERE number IN (10, 10.5)"), "2");
}

TEST_F(CatalogTest, TitlesWithQuotesBackslashesAndUnicodeSurviveVerbatim) {
  Edition edition = novel_edition();
  const std::string hostile = "Ch. 1 \"quoted\" \\ back {brace}, comma — 외전 '); DROP TABLE works;--";
  ASSERT_TRUE(upsert_segments(*db_, edition.id, "chapter", {{"1", hostile, "https://x/1"}}).ok());
  EXPECT_EQ(count("SELECT title FROM segments"), hostile);
  EXPECT_EQ(count("SELECT count(*) FROM works"), "1");
}

TEST_F(CatalogTest, ANulOrControlCharacterInATitleIsDroppedNotAFailedUpsert) {
  Edition edition = novel_edition();
  using namespace std::string_literals;
  const std::string title = "Chapter\0 1\x01: the \x1b[31mred\x1b[0m door"s;
  ASSERT_TRUE(
      upsert_segments(*db_, edition.id, "chapter", {{"1", title, "https://x/1\0"s}, {"2", "two", "u2"}}).ok());
  EXPECT_EQ(count("SELECT title FROM segments WHERE number = 1"), "Chapter 1: the [31mred[0m door");
  EXPECT_EQ(count("SELECT count(*) FROM segments"), "2") << "every chapter is recorded";
}

TEST_F(CatalogTest, ListingFiltersByRangeAndReportsAssetsOfTheRequestedRole) {
  Edition edition = novel_edition();
  ASSERT_TRUE(upsert_segments(*db_, edition.id, "chapter",
                              {{"1", "a", "u1"}, {"2", "b", "u2"}, {"3", "c", "u3"}, {"4", "d", "u4"}})
                  .ok());
  auto all = list_segments(*db_, {edition.id, {}, {}, {}, {}}).value();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].number, "1");
  EXPECT_EQ(all[3].number, "4");
  EXPECT_EQ(all[0].work_id, kWork);

  AssetRecord asset{"local", "assets", "raw/novel/k/2.html", "cleaned_text", "text/html", 12, "ab", "pipeline"};
  ASSERT_TRUE(register_and_link_asset(*db_, asset, all[1].id, "content").ok());

  auto ranged = list_segments(*db_, {edition.id, {}, std::string("2"), std::string("3"), {}}).value();
  ASSERT_EQ(ranged.size(), 2u);
  EXPECT_TRUE(ranged[0].has_asset);
  EXPECT_FALSE(ranged[1].has_asset);
  auto by_role = list_segments(*db_, {{}, std::string(kWork), {}, {}, std::string("subtitle")}).value();
  ASSERT_EQ(by_role.size(), 4u);
  EXPECT_FALSE(by_role[1].has_asset) << "a content asset is not a subtitle";
}

TEST_F(CatalogTest, LoadSegmentsKeepsTheRequestedOrderAndDropsUnknownIds) {
  Edition edition = novel_edition();
  ASSERT_TRUE(upsert_segments(*db_, edition.id, "chapter", {{"1", "a", "u1"}, {"2", "b", "u2"}}).ok());
  auto all = list_segments(*db_, {edition.id, {}, {}, {}, {}}).value();
  auto loaded = load_segments(*db_, {all[1].id, "33333333-3333-4333-8333-333333333333", all[0].id}, std::nullopt)
                    .value();
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].id, all[1].id);
  EXPECT_EQ(loaded[1].id, all[0].id);
}

TEST_F(CatalogTest, RegisteringTheSameKeyTwiceUpdatesOneAssetAndOneLink) {
  Edition edition = novel_edition();
  ASSERT_TRUE(upsert_segments(*db_, edition.id, "chapter", {{"1", "a", "u1"}}).ok());
  auto segment = list_segments(*db_, {edition.id, {}, {}, {}, {}}).value().at(0);
  AssetRecord asset{"local", "assets", "raw/novel/k/1.html", "cleaned_text", "text/html", 10, "aa", "pipeline"};
  std::string first = register_and_link_asset(*db_, asset, segment.id, "content").value();
  asset.bytes = 20;
  asset.sha256 = "bb";
  std::string second = register_and_link_asset(*db_, asset, segment.id, "content").value();
  EXPECT_EQ(first, second);
  EXPECT_EQ(count("SELECT count(*) FROM assets"), "1");
  EXPECT_EQ(count("SELECT bytes || ':' || sha256 FROM assets"), "20:bb");
  EXPECT_EQ(count("SELECT count(*) FROM segment_assets WHERE role = 'content'"), "1");
}

TEST_F(CatalogTest, AKeyHeldByAnotherSegmentIsNeverRePointedNorOverwritten) {
  Edition edition = novel_edition();
  ASSERT_TRUE(upsert_segments(*db_, edition.id, "episode", {{"1", "S01E01", "u1"}, {"2", "S01E01", "u2"}}).ok());
  auto segments = list_segments(*db_, {edition.id, {}, {}, {}, {}}).value();
  AssetRecord asset{"local", "assets",  "raw/anime/w/e/episode-1/a.srt", "raw_subtitle", "text/plain", 10,
                    "aa",    "pipeline"};
  const std::string first = register_and_link_asset(*db_, asset, segments[0].id, "subtitle").value();
  asset.bytes = 20;
  asset.sha256 = "bb";
  auto second = register_and_link_asset(*db_, asset, segments[1].id, "subtitle");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(second.error().message.find("raw/anime/w/e/episode-1/a.srt"), std::string::npos);
  EXPECT_EQ(count("SELECT bytes || ':' || sha256 FROM assets"), "10:aa");
  EXPECT_EQ(count("SELECT count(*) FROM segment_assets"), "1");
  EXPECT_EQ(count("SELECT segment_id::text FROM segment_assets"), segments[0].id);

  auto exact = find_asset_holder(*db_, asset.key, false, segments[1].id).value();
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->segment_id, segments[0].id);
  EXPECT_EQ(exact->segment_number, "1");
  EXPECT_TRUE(find_asset_holder(*db_, "raw/anime/w/e/episode-1/", true, segments[1].id).value().has_value());
  EXPECT_FALSE(find_asset_holder(*db_, "raw/anime/w/e/episode-1/", false, segments[1].id).value().has_value());
  EXPECT_FALSE(find_asset_holder(*db_, "raw/anime/w/e/episode-1/", true, segments[0].id).value().has_value())
      << "a segment does not collide with itself";
  EXPECT_FALSE(find_asset_holder(*db_, "raw/anime/w/e/episode-10/", true, segments[1].id).value().has_value());
}

TEST(ArrayLiteral, QuotesEveryElementAndEscapesQuotesAndBackslashes) {
  EXPECT_EQ(to_array_literal({}), "{}");
  EXPECT_EQ(to_array_literal({"a", "b\"c", "d\\e", "NULL"}), R"({"a","b\"c","d\\e","NULL"})");
}

}  // namespace
}  // namespace scrapers::tracking
