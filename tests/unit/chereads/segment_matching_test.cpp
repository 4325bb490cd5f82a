#include "scrapers/chereads/segment_matching.hpp"

#include <gtest/gtest.h>

namespace scrapers::chereads {
namespace {

const std::string kBase = "https://www.chereads.com/novel/34048845808168505/";

ChapterRef chapter(const std::string& number, const std::string& id) {
  return ChapterRef{text::ChapterNumber::parse(number).value(), "Chapter " + number, id, kBase + id, false};
}

tracking::Segment segment(const std::string& number, const std::string& chapter_id, bool has_content) {
  tracking::Segment s;
  s.id = "seg-" + number;
  s.number = number;
  s.title = "old title " + number;
  s.canonical_url = kBase + chapter_id + "/";  // a trailing slash, as older rows may have
  s.has_asset = has_content;
  return s;
}

TEST(SegmentMatching, AFreshEditionTakesEveryChapterUnderItsOwnNumber) {
  const auto plan = plan_segment_matches({chapter("1", "101"), chapter("1.5", "102")}, {});
  ASSERT_EQ(plan.upserts.size(), 2u);
  EXPECT_EQ(plan.upserts[0].number, "1");
  EXPECT_EQ(plan.upserts[1].number, "1.5");
  EXPECT_EQ(plan.upserts[1].canonical_url, kBase + "102");
  EXPECT_EQ(plan.matched_by_id, 0u);
  EXPECT_TRUE(plan.conflicts.empty());
}

TEST(SegmentMatching, IndexNumberedSegmentsAreFoundByChapterIdAndKeepTheirNumbers) {
  // The original worker: prologue (id 100) is 1, chapter 1 is 2, chapter 2 is 3.
  const std::vector<tracking::Segment> existing{segment("1", "100", true), segment("2", "101", true),
                                                segment("3", "102", false)};
  const auto plan = plan_segment_matches({chapter("1", "101"), chapter("2", "102")}, existing);
  EXPECT_EQ(plan.matched_by_id, 2u);
  EXPECT_EQ(plan.renumbered_elsewhere, 2u);
  ASSERT_EQ(plan.upserts.size(), 2u);
  EXPECT_EQ(plan.upserts[0].number, "2");
  EXPECT_EQ(plan.upserts[0].title, "Chapter 1") << "the title is refreshed";
  EXPECT_EQ(plan.upserts[0].canonical_url, *existing[1].canonical_url) << "the row's URL is kept";
  EXPECT_EQ(plan.upserts[1].number, "3");
  EXPECT_TRUE(plan.conflicts.empty());
}

TEST(SegmentMatching, ANewChapterNeverTakesASegmentWithContentOrOneTheListMatched) {
  const std::vector<tracking::Segment> existing{segment("2", "101", false), segment("3", "999", true)};
  // Chapter 2 (new) lands on number 2, held by chapter 1 of the list; chapter 3 (new)
  // lands on a segment with content that the list no longer has.
  const auto plan = plan_segment_matches({chapter("1", "101"), chapter("2", "102"), chapter("3", "103")},
                                         existing);
  ASSERT_EQ(plan.conflicts.size(), 2u);
  EXPECT_EQ(plan.conflicts[0].chapter.chapter_id, "102");
  EXPECT_EQ(plan.conflicts[0].segment.id, "seg-2");
  EXPECT_EQ(plan.conflicts[0].reason, "segment is chapter 101 of the list");
  EXPECT_EQ(plan.conflicts[1].chapter.chapter_id, "103");
  EXPECT_EQ(plan.conflicts[1].reason, "segment has content");
  ASSERT_EQ(plan.upserts.size(), 1u);
  EXPECT_EQ(plan.upserts[0].number, "2");
}

TEST(SegmentMatching, AStaleSegmentWithoutContentIsRepointed) {
  const auto plan = plan_segment_matches({chapter("4", "104")}, {segment("4", "555", false)});
  EXPECT_TRUE(plan.conflicts.empty());
  ASSERT_EQ(plan.upserts.size(), 1u);
  EXPECT_EQ(plan.upserts[0].canonical_url, kBase + "104");
}

TEST(SegmentMatching, NumbersAreComparedAsDecimals) {
  const auto plan = plan_segment_matches({chapter("10.5", "110")}, {segment("10.50", "777", true)});
  ASSERT_EQ(plan.conflicts.size(), 1u) << "10.50 is the same number as 10.5";
}

TEST(SegmentMatching, ChapterIdsComeFromTheLastPathComponent) {
  EXPECT_EQ(chapter_id_of_url("https://www.chereads.com/novel/1/2"), "2");
  EXPECT_EQ(chapter_id_of_url("https://www.chereads.com/novel/1/2/?ref=x#top"), "2");
  EXPECT_EQ(chapter_id_of_url(""), "");
}

}  // namespace
}  // namespace scrapers::chereads
