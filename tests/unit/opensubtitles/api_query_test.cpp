#include "scrapers/opensubtitles/api_query.hpp"

#include <gtest/gtest.h>

namespace scrapers::opensubtitles {
namespace {

TEST(CanonicalQuery, SortsKeysAlphabeticallyAndLowerCasesKeysAndValues) {
  EXPECT_EQ(canonical_query({{"Query", "Solo Leveling"},
                             {"Season_Number", "1"},
                             {"Episode_Number", "2"},
                             {"languages", "EN"},
                             {"order_by", "download_count"}}),
            "episode_number=2&languages=en&order_by=download_count&query=solo+leveling&season_number=1");
}

TEST(CanonicalQuery, WritesSpacesAsPlusNeverPercentTwenty) {
  const std::string q = canonical_query({{"query", "the  beginning after the end"}});
  EXPECT_EQ(q, "query=the++beginning+after+the+end");
  EXPECT_EQ(q.find("%20"), std::string::npos);
}

TEST(CanonicalQuery, OmitsEmptyAndDefaultValuedParameters) {
  EXPECT_EQ(canonical_query({{"order_direction", "desc"},
                             {"machine_translated", "exclude"},
                             {"ai_translated", "include"},
                             {"type", "all"},
                             {"page", "1"},
                             {"languages", ""},
                             {"query", "x"}}),
            "query=x");
  EXPECT_EQ(canonical_query({{"order_direction", "ASC"}, {"ai_translated", "Exclude"}}),
            "ai_translated=exclude&order_direction=asc");
}

TEST(CanonicalQuery, PercentEncodesReservedAndNonAsciiBytesInUpperHex) {
  EXPECT_EQ(canonical_query({{"query", "Re:Zero & Friends/2"}}), "query=re%3Azero+%26+friends%2F2");
  EXPECT_EQ(canonical_query({{"query", "Dr. Stone\u2019s"}}), "query=dr.+stone%E2%80%99s");
  EXPECT_EQ(canonical_query({{"query", "\ub098 \ud63c\uc790\ub9cc"}}),
            "query=%EB%82%98+%ED%98%BC%EC%9E%90%EB%A7%8C");
}

TEST(CanonicalQuery, StripsTtAndLeadingZerosFromImdbIds) {
  EXPECT_EQ(canonical_query({{"parent_imdb_id", "tt0021209876"}, {"imdb_id", "0301"}}),
            "imdb_id=301&parent_imdb_id=21209876");
}

TEST(CanonicalQuery, KeepsRepeatedKeysInTheirGivenOrder) {
  EXPECT_EQ(canonical_query({{"b", "2"}, {"a", "z"}, {"a", "y"}}), "a=z&a=y&b=2");
}

TEST(NormalizeLanguages, LowerCasesTrimsDeduplicatesAndSorts) {
  EXPECT_EQ(normalize_languages(" pt-BR,EN , en,,zh-CN "), "en,pt-br,zh-cn");
  EXPECT_EQ(normalize_languages(""), "");
}

TEST(LanguageCode, AcceptsApiCodesAndRejectsOthers) {
  EXPECT_TRUE(is_language_code("en"));
  EXPECT_TRUE(is_language_code("pt-br"));
  EXPECT_TRUE(is_language_code("zh-CN"));
  EXPECT_FALSE(is_language_code("e"));
  EXPECT_FALSE(is_language_code("english"));
  EXPECT_FALSE(is_language_code("en-"));
  EXPECT_FALSE(is_language_code("en;drop"));
  EXPECT_FALSE(is_language_code(""));
}

TEST(SearchTarget, BuildsTheSortedQueryTheFixturesRecord) {
  SearchQuery q;
  q.query = "Solo Leveling";
  q.season_number = 1;
  q.episode_number = 1;
  q.languages = "en";
  EXPECT_EQ(search_target(q),
            "subtitles?ai_translated=exclude&episode_number=1&languages=en&order_by=download_count"
            "&query=solo+leveling&season_number=1");
}

TEST(SearchTarget, OmitsAiTranslatedWhenAllowedBecauseIncludeIsTheDefault) {
  SearchQuery q;
  q.query = "Solo Leveling";
  q.languages = "pt-BR,en";
  q.allow_ai_translated = true;
  q.page = 2;
  EXPECT_EQ(search_target(q), "subtitles?languages=en%2Cpt-br&order_by=download_count&page=2&query=solo+leveling");
}

TEST(SearchTarget, WritesTheListCommaAsTheApiCanonicalFormDoes) {
  EXPECT_EQ(canonical_query({{"languages", "en,fr,pt-br"}}), "languages=en%2Cfr%2Cpt-br");
  EXPECT_EQ(canonical_query({{"query", "a,b"}}), "query=a%2Cb");
}

TEST(SearchTarget, SearchesByTheShowIdsInsteadOfText) {
  SearchQuery q;
  q.parent_imdb_id = 21209876;
  q.parent_tmdb_id = 127532;
  q.season_number = 2;
  q.episode_number = 13;
  q.languages = "en";
  EXPECT_EQ(search_target(q),
            "subtitles?ai_translated=exclude&episode_number=13&languages=en&order_by=download_count"
            "&parent_imdb_id=21209876&parent_tmdb_id=127532&season_number=2");
}

}  // namespace
}  // namespace scrapers::opensubtitles
