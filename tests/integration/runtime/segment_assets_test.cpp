// store_segment_asset() against a real PostgreSQL and a local blob store: a key that
// another segment's asset holds is refused before a byte is written.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/storage/local_blob_store.hpp"
#include "scrapers/runtime/segment_assets.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::testing {
namespace {

namespace rt = scrapers::runtime;

class SegmentAssets : public TrackingTest {
 protected:
  void SetUp() override {
    TrackingTest::SetUp();
    if (IsSkipped()) return;
    std::string pattern = (std::filesystem::temp_directory_path() / "segment-assets-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    if (!root_.empty()) std::filesystem::remove_all(root_, ec);
  }
  std::string read(const std::string& key) const {
    std::ifstream in(root_ / key, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  std::filesystem::path root_;
};

TEST_F(SegmentAssets, AKeyHeldByAnotherSegmentIsRefusedAndItsBlobKept) {
  const std::string work = "22222222-2222-4222-8222-222222222222";
  ASSERT_TRUE(tracking::ensure_work(*db_, work, "Show").ok());
  const auto edition =
      tracking::get_or_create_edition(*db_, {work, "anime", "opensubtitles-s1", "https://x/s1", false}).value();
  ASSERT_TRUE(
      tracking::upsert_segments(*db_, edition.id, "episode", {{"1", "S01E01", "u1"}, {"2", "S01E01", "u2"}}).ok());
  const auto segments = tracking::list_segments(*db_, {edition.id, {}, {}, {}, {}}).value();
  storage::LocalBlobStore blobs(root_);
  const std::string key = "raw/anime/" + work + "/" + edition.id + "/episode-1/a.srt";
  rt::SegmentAsset first{key, "first bytes", "text/plain", "raw_subtitle", "subtitle"};
  ASSERT_TRUE(rt::store_segment_asset(*db_, blobs, segments[0].id, first).ok());
  rt::SegmentAsset second{key, "second bytes", "text/plain", "raw_subtitle", "subtitle"};
  auto refused = rt::store_segment_asset(*db_, blobs, segments[1].id, second);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(refused.error().message.find("already belongs to segment 1 (" + segments[0].id + ")"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(read(key), "first bytes");
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM segment_assets"), "1");
  EXPECT_EQ(sql_->scalar("SELECT segment_id::text FROM segment_assets"), segments[0].id);
  // The same segment storing again under its own key is an update, not a collision.
  first.content = "first bytes, again";
  ASSERT_TRUE(rt::store_segment_asset(*db_, blobs, segments[0].id, first).ok());
  EXPECT_EQ(read(key), "first bytes, again");
}

}  // namespace
}  // namespace scrapers::testing
