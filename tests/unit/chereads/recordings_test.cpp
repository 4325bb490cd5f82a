// The chereads fixtures as the replay transport and the fixture server see them:
// every chapter the novel page lists has a chapter page to serve, and the pages a
// run needs answer from exactly one recording.
#include <gtest/gtest.h>

#include "common/http/recording.hpp"
#include "scrapers/chereads/parse.hpp"
#include "tests/unit/chereads/fixture_files.hpp"

namespace scrapers::chereads {
namespace {

using testing::fixture_path;
using testing::load_fixture;

http::RecordingIndex load_index() {
  auto index = http::RecordingIndex::load(fixture_path(""));
  if (!index.ok()) throw ErrorException(index.error());
  return std::move(index).value();
}

TEST(ChereadsRecordings, EveryListedChapterHasAChapterPageToServe) {
  const http::RecordingIndex index = load_index();
  const auto novel = load_fixture("novel-34048845808168505.html");
  auto list = parse_chapter_list(novel.body, novel.url);
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_FALSE(list->chapters.empty());
  for (const ChapterRef& chapter : list->chapters) {
    auto recording = index.find("GET", chapter.url);
    ASSERT_TRUE(recording.ok()) << chapter.title << ": " << recording.error().describe();
    EXPECT_EQ((*recording)->status, 200) << chapter.url;
  }
}

TEST(ChereadsRecordings, WorkRunPagesAreServedUnderTheirBookUrls) {
  const http::RecordingIndex index = load_index();
  for (const char* url :
       {"/novel/34048845808168505", "/chapterlist/34048845808168505/", "/novel/34048845808168519",
        "/chapterlist/34048845808168519/", "/chapterlist/34048845808168527/", "/novel/31522330208765802"}) {
    auto recording = index.find("GET", url);
    EXPECT_TRUE(recording.ok()) << url << ": " << (recording.ok() ? "" : recording.error().describe());
  }
  auto challenge = index.find("GET", "/novel/34048845808168505/86954917348049999");
  ASSERT_TRUE(challenge.ok());
  EXPECT_EQ((*challenge)->status, 403);
  EXPECT_EQ((*challenge)->headers.get("cf-mitigated"), "challenge");
}

}  // namespace
}  // namespace scrapers::chereads
