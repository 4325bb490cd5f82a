#include "scrapers/readnovel/urls.hpp"

#include <gtest/gtest.h>

namespace scrapers::readnovel {
namespace {

TEST(NovelSlug, LowerCaseLettersDigitsAndInnerHyphensAreAccepted) {
  EXPECT_TRUE(is_valid_novel_slug("solo-leveling"));
  EXPECT_TRUE(is_valid_novel_slug("lord-of-mysteries-2-circle-of-inevitability"));
  EXPECT_TRUE(is_valid_novel_slug("a"));
}

TEST(NovelSlug, AnythingThatCouldChangeTheUrlIsRejected) {
  for (std::string_view slug : {"", "Solo-Leveling", "-solo", "solo-", "solo/leveling", "../admin",
                                "solo leveling", "solo?x=1", "solo%2F", "solo_leveling", "ｓｏｌｏ"}) {
    EXPECT_FALSE(is_valid_novel_slug(slug)) << slug;
  }
  EXPECT_FALSE(is_valid_novel_slug(std::string(kMaxSlugBytes + 1, 'a')));
}

TEST(ChapterSlug, DjangoSlugAlphabetIsAcceptedAndPathCharactersAreNot) {
  EXPECT_TRUE(is_valid_chapter_slug("moonlit-sword-2-return-of-the-exile-7"));
  EXPECT_TRUE(is_valid_chapter_slug("Some_Novel-12"));
  for (std::string_view slug : {"", "../../admin", "a/b", "a.b", "a b", "a%20b", "a?b", "a#b"}) {
    EXPECT_FALSE(is_valid_chapter_slug(slug)) << slug;
  }
}

TEST(Urls, BuildersUseTheSitePathsWhateverTheBaseSlash) {
  EXPECT_EQ(chapter_list_url("https://wuxiaworld.eu", "solo-leveling"),
            "https://wuxiaworld.eu/api/chapters/solo-leveling/");
  EXPECT_EQ(chapter_list_url("http://127.0.0.1:8080/", "x"), "http://127.0.0.1:8080/api/chapters/x/");
  EXPECT_EQ(chapter_json_url(kDefaultApiBase, "solo-leveling-2"),
            "https://wuxiaworld.eu/api/getchapter/solo-leveling-2/");
  EXPECT_EQ(chapter_page_url(kCanonicalSiteBase, "solo-leveling-2"),
            "https://readnovel.eu/chapter/solo-leveling-2");
  EXPECT_EQ(novel_page_url("https://readnovel.eu//", "solo-leveling"), "https://readnovel.eu/novel/solo-leveling");
}

TEST(Urls, ChapterSlugIsReadBackFromACanonicalUrl) {
  EXPECT_EQ(chapter_slug_from_url("https://readnovel.eu/chapter/solo-leveling-2").value(), "solo-leveling-2");
  EXPECT_EQ(chapter_slug_from_url("http://127.0.0.1:9/chapter/x-1/").value(), "x-1");
}

TEST(Urls, UrlsThatAreNotChapterPagesAreRejected) {
  for (std::string_view url :
       {"", "readnovel.eu/chapter/x", "ftp://readnovel.eu/chapter/x", "https://readnovel.eu/novel/x",
        "https://readnovel.eu/chapter/", "https://readnovel.eu/chapter/a/b", "https://readnovel.eu/chapter/x?y=1",
        "https://readnovel.eu/chapter/..", "https://readnovel.eu"}) {
    auto slug = chapter_slug_from_url(url);
    ASSERT_FALSE(slug.ok()) << url;
    EXPECT_EQ(slug.error().kind, ErrorKind::invalid_argument);
  }
}

}  // namespace
}  // namespace scrapers::readnovel
