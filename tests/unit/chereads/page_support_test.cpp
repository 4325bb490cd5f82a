#include <gtest/gtest.h>

#include "scrapers/chereads/page_support.hpp"
#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads {
namespace {

using namespace detail;

TEST(ChereadsPageSupport, SiteBaseIsThePageUrlUpToTheBookPath) {
  EXPECT_EQ(site_base("https://www.chereads.com/novel/34048845808168505"), "https://www.chereads.com");
  EXPECT_EQ(site_base("https://www.chereads.com/chapterlist/34048845808168505/"), "https://www.chereads.com");
  EXPECT_EQ(site_base("http://127.0.0.1:8089/mirror/novel/1/2"), "http://127.0.0.1:8089/mirror");
  EXPECT_EQ(site_base("http://127.0.0.1:8089?x=/novel/1"), "http://127.0.0.1:8089");
  EXPECT_EQ(site_base("/novel/1"), "");
}

TEST(ChereadsPageSupport, BookIdIsTheDigitPathSegmentAfterNovelOrChapterlist) {
  EXPECT_EQ(book_id_from_url("https://www.chereads.com/chapterlist/34048845808168505/"), "34048845808168505");
  EXPECT_EQ(book_id_from_url("https://www.chereads.com/novel/34048845808168505/86954917348045530"),
            "34048845808168505");
  EXPECT_EQ(book_id_from_url("https://www.chereads.com/novel/340488x/"), std::nullopt);
  EXPECT_EQ(book_id_from_url("https://www.chereads.com/ranking"), std::nullopt);
}

TEST(ChereadsPageSupport, ChapterLinkIdsComeFromRelativeAndAbsoluteHrefs) {
  const auto relative = chapter_link_ids("/novel/34048845808168505/86954917348045530");
  ASSERT_TRUE(relative.has_value());
  EXPECT_EQ(relative->book_id, "34048845808168505");
  EXPECT_EQ(relative->chapter_id, "86954917348045530");
  const auto absolute = chapter_link_ids("https://www.chereads.com/novel/1/2?from=list");
  ASSERT_TRUE(absolute.has_value());
  EXPECT_EQ(absolute->chapter_id, "2");
  EXPECT_FALSE(chapter_link_ids("/novel/1/").has_value());
  EXPECT_FALSE(chapter_link_ids("/novel/1/2abc").has_value());
  EXPECT_FALSE(chapter_link_ids("/story/1/2").has_value());
}

TEST(ChereadsPageSupport, HrefsResolveLikeABrowser) {
  const std::string page = "https://www.chereads.com/chapterlist/5/?p=2";
  EXPECT_EQ(resolve_href(page, "https://x.example/a"), "https://x.example/a");
  EXPECT_EQ(resolve_href(page, "//cdn.example/a"), "https://cdn.example/a");
  EXPECT_EQ(resolve_href(page, "/novel/5/6"), "https://www.chereads.com/novel/5/6");
  EXPECT_EQ(resolve_href(page, "next"), "https://www.chereads.com/chapterlist/5/next");
}

TEST(ChereadsPageSupport, ChapterNumberNeedsTheChapterKeyword) {
  EXPECT_EQ(number_after_chapter_keyword("Chapter 10.5 \u2013 Interlude")->str(), "10.5");
  EXPECT_EQ(number_after_chapter_keyword("Ch.12: Return")->str(), "12");
  EXPECT_EQ(number_after_chapter_keyword("CHAPTER\u00a07")->str(), "7");
  EXPECT_EQ(number_after_chapter_keyword("Vol. 2 Chapter 003")->str(), "3");
  EXPECT_FALSE(number_after_chapter_keyword("Volume 2 Side Story").has_value());
  EXPECT_FALSE(number_after_chapter_keyword("Chapters 1-3 recap").has_value());
  EXPECT_FALSE(number_after_chapter_keyword("Check 5").has_value());
}

TEST(ChereadsPageSupport, MapsAndCharacterWordsMarkExtras) {
  EXPECT_TRUE(names_an_extra("Maps"));
  EXPECT_TRUE(names_an_extra("World map (updated)"));
  EXPECT_TRUE(names_an_extra("Character Profiles"));
  EXPECT_TRUE(names_an_extra("CHARACTERS"));
  EXPECT_FALSE(names_an_extra("Mapping the Stars"));
  EXPECT_FALSE(names_an_extra("Characteristic Silence"));
}

TEST(ChereadsPageSupport, LockClassesAreRecognisedButBlockAndClockAreNot) {
  EXPECT_TRUE(class_marks_lock("ChapterItems_lock__Zz9Qe"));
  EXPECT_TRUE(class_marks_lock("icon ChapterLock_gate__Vb7nM"));
  EXPECT_TRUE(class_marks_lock("chapter-lock"));
  EXPECT_TRUE(class_marks_lock("locked"));
  EXPECT_FALSE(class_marks_lock("db block fs12"));
  EXPECT_FALSE(class_marks_lock("clock"));
  EXPECT_FALSE(class_marks_lock(""));
}

TEST(ChereadsPageSupport, ChallengeMarkersAreRecognisedAndOrdinaryPagesAreNot) {
  EXPECT_TRUE(looks_like_challenge("<html><head><title>Just a moment...</title></head></html>"));
  EXPECT_TRUE(looks_like_challenge("<script>(function(){window._cf_chl_opt={cvId: '3'}})</script>"));
  EXPECT_TRUE(looks_like_challenge("<title>Attention Required! | Cloudflare</title>"));
  // Cloudflare's bot-management script is injected into ordinary pages too.
  EXPECT_FALSE(looks_like_challenge(
      "<p>Just a moment, he said.</p><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>"));
}

TEST(ChereadsPageSupport, ChapterUrlJoinsBaseBookAndChapter) {
  EXPECT_EQ(chapter_url("https://www.chereads.com/", "1", "2"), "https://www.chereads.com/novel/1/2");
  EXPECT_EQ(chapter_url("http://127.0.0.1:5", "34048845808168505", "86954917348045530"),
            "http://127.0.0.1:5/novel/34048845808168505/86954917348045530");
}

TEST(ChereadsPageSupport, CodePointsCountCharactersNotBytes) {
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("\ud654\uc131 \u2014 \u706f"), 6u);
  EXPECT_EQ(code_points(""), 0u);
}

}  // namespace
}  // namespace scrapers::chereads
