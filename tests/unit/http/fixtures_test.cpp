// Lint of the checked-in recordings: every site directory under fixtures/ must load
// as a replay directory (valid meta files, body files present) and answer each
// request unambiguously.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/http/recording.hpp"

namespace scrapers::http {
namespace {

TEST(CheckedInFixtures, EverySiteDirectoryLoadsAndHasNoAmbiguousRecordings) {
  const std::filesystem::path root = std::string(SCRAPERS_SOURCE_DIR) + "/fixtures";
  ASSERT_TRUE(std::filesystem::is_directory(root));
  std::size_t total = 0;
  for (const auto& site : std::filesystem::directory_iterator(root)) {
    if (!site.is_directory()) continue;
    auto index = RecordingIndex::load(site.path());
    ASSERT_TRUE(index.ok()) << site.path() << ": " << index.error().describe();
    EXPECT_TRUE(index->ambiguous_keys().empty())
        << site.path() << " answers " << index->ambiguous_keys().front() << " from several recordings";
    total += index->size();
  }
  EXPECT_GT(total, 0u) << "fixtures/http alone has recordings";
}

}  // namespace
}  // namespace scrapers::http
