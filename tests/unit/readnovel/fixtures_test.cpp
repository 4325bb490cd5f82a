// The readnovel fixtures themselves: loadable as recordings, small, unambiguous.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/http/recording.hpp"
#include "tests/unit/readnovel/fixture.hpp"

namespace scrapers::readnovel {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> meta_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(test_fixtures::fixture_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 10 && name.substr(name.size() - 10) == ".meta.json") files.push_back(entry.path());
  }
  return files;
}

TEST(ReadnovelFixtures, EveryRecordingLoadsWithItsBody) {
  const auto files = meta_files();
  ASSERT_GE(files.size(), 20u);
  auto index = http::RecordingIndex::load(test_fixtures::fixture_dir());
  ASSERT_TRUE(index.ok()) << index.error().describe();
  std::size_t replayable = 0;
  for (const fs::path& meta_path : files) {
    auto meta = http::read_recording_meta(meta_path);
    ASSERT_TRUE(meta.ok()) << meta.error().describe();
    if (meta->replay) ++replayable;
    auto body = http::read_recording_body(meta.value());
    ASSERT_TRUE(body.ok()) << body.error().describe();
    EXPECT_LT(body->size(), 1u << 20) << meta_path;
  }
  EXPECT_EQ(index->size(), replayable);  // parser-only fixtures stay out of replay
}

TEST(ReadnovelFixtures, EveryReplayableUrlFindsExactlyItsRecording) {
  auto index = http::RecordingIndex::load(test_fixtures::fixture_dir());
  ASSERT_TRUE(index.ok()) << index.error().describe();
  for (const fs::path& meta_path : meta_files()) {
    auto meta = http::read_recording_meta(meta_path);
    ASSERT_TRUE(meta.ok());
    if (!meta->replay) continue;
    auto found = index->find(meta->method, meta->url);
    ASSERT_TRUE(found.ok()) << meta->url << ": " << found.error().describe();
    EXPECT_EQ(found.value()->meta_path, meta_path);
  }
}

}  // namespace
}  // namespace scrapers::readnovel
