#include "scrapers/opensubtitles/episode_search.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/fake_clock.hpp"
#include "tests/unit/opensubtitles/scripted_transport.hpp"

namespace scrapers::opensubtitles {
namespace {

using nlohmann::json;
using testing::ScriptedTransport;

json episode_item(const std::string& id, const std::string& show, std::int64_t show_id, int season, int episode) {
  return {{"id", id},
          {"type", "subtitle"},
          {"attributes",
           {{"language", "en"},
            {"download_count", 100},
            {"from_trusted", false},
            {"feature_details",
             {{"feature_type", "Episode"},
              {"season_number", season},
              {"episode_number", episode},
              {"parent_title", show},
              {"parent_feature_id", show_id}}},
            {"files",
             json::array({{{"file_id", std::stoll(id) + 1000}, {"cd_number", 1}, {"file_name", id + ".srt"}}})}}}};
}

std::string page_body(int page, int total_pages, const std::vector<json>& items) {
  return json{{"total_pages", total_pages},
              {"total_count", 50 * total_pages},
              {"per_page", 50},
              {"page", page},
              {"data", items}}
      .dump();
}

class EpisodeSearchTest : public ::testing::Test {
 protected:
  EpisodeSearch search(std::string title = "Blue Lock") {
    ApiConfig config;
    config.api_key = "k";
    client_.emplace(ApiClient::create(transport, clock, config).value_or_throw());
    return EpisodeSearch(*client_, SearchSettings{std::move(title), std::nullopt, "en", false});
  }
  bool sent_contains(std::size_t i, const std::string& needle) const {
    return transport.sent.at(i).url.find(needle) != std::string::npos;
  }

  ScriptedTransport transport;
  scrapers::testing::FakeClock clock;
  std::optional<ApiClient> client_;
};

TEST_F(EpisodeSearchTest, ReadsTheNextPageWhenTheFirstHoldsNoMatch) {
  transport.answer_fixture(200, "api/search-bluelock-s01e04-page1-other-shows.json");
  transport.answer_fixture(200, "api/search-bluelock-s01e04-page2.json");
  auto s = search();
  auto found = s.find(EpisodeCode{1, 4}, 4);
  ASSERT_TRUE(found.ok()) << found.error().describe();
  ASSERT_TRUE(found->choice.has_value()) << found->reason;
  EXPECT_EQ(found->choice->file_id, 8302004);
  ASSERT_EQ(transport.sent.size(), 2u);
  EXPECT_FALSE(sent_contains(0, "page="));
  EXPECT_TRUE(sent_contains(1, "&page=2&query=blue+lock&"));
  EXPECT_EQ(s.counts().extra_pages, 1u);
}

TEST_F(EpisodeSearchTest, ReadsAtMostThreePages) {
  for (int page = 1; page <= 3; ++page) {
    transport.answer(200,
                     page_body(page, 5, {episode_item(std::to_string(page), "Blue Exorcist", 1580033, 1, 5)}));
  }
  transport.answer(200, page_body(4, 5, {episode_item("4", "Blue Lock", 1702201, 1, 5)}));  // never asked for
  auto s = search();
  auto found = s.find(EpisodeCode{1, 5}, 5);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->choice.has_value());
  EXPECT_EQ(transport.sent.size(), 3u);
  EXPECT_TRUE(sent_contains(2, "&page=3&"));
  EXPECT_EQ(found->reason,
            "no subtitle found for S01E05 of 'Blue Lock' in en (3 results passed over: 3 for another show "
            "('Blue Exorcist'))");
}

TEST_F(EpisodeSearchTest, AMatchOnTheFirstPageReadsNoOther) {
  transport.answer(200, page_body(1, 4, {episode_item("1", "Blue Lock", 1702201, 1, 1)}));
  auto s = search();
  ASSERT_TRUE(s.find(EpisodeCode{1, 1}, 1)->choice.has_value());
  EXPECT_EQ(transport.sent.size(), 1u);
}

TEST_F(EpisodeSearchTest, SearchesByTheShowIdOnceOneMatchWasCertain) {
  transport.answer_fixture(200, "api/search-bluelock-s01e01-other-shows-first.json");
  transport.answer(200, page_body(1, 1, {episode_item("2", "Blue Lock", 1702201, 1, 2)}));
  auto s = search("blue lock");
  ASSERT_EQ(s.find(EpisodeCode{1, 1}, 1)->choice->file_id, 8302001);
  EXPECT_EQ(s.show().ids.feature_id, 1702201);
  EXPECT_EQ(s.learned_from(), "S01E01");
  ASSERT_TRUE(s.find(EpisodeCode{1, 2}, 2)->choice.has_value());
  EXPECT_TRUE(sent_contains(0, "query=blue+lock"));
  EXPECT_TRUE(sent_contains(1, "&parent_feature_id=1702201&season_number=1"));
  EXPECT_FALSE(sent_contains(1, "query="));
  EXPECT_EQ(s.counts().searches_by_id, 1u);
}

TEST_F(EpisodeSearchTest, AnIdSearchStillRefusesAnotherShow) {
  transport.answer_fixture(200, "api/search-bluelock-s01e01-other-shows-first.json");
  transport.answer(200, page_body(1, 1, {episode_item("9", "Blue Lock", 1709999, 1, 2)}));  // same title, other id
  auto s = search();
  ASSERT_TRUE(s.find(EpisodeCode{1, 1}, 1)->choice.has_value());
  auto second = s.find(EpisodeCode{1, 2}, 2);
  EXPECT_FALSE(second->choice.has_value());
  EXPECT_NE(second->reason.find("1 for another show ('Blue Lock')"), std::string::npos) << second->reason;
}

TEST_F(EpisodeSearchTest, TwoShowsAnsweringToTheTitleAreNotGuessedBetweenNorRemembered) {
  transport.answer(200, page_body(1, 1,
                                  {episode_item("1", "Blue Lock", 1702201, 1, 1),
                                   episode_item("2", "Blue Lock", 1709999, 1, 1)}));
  transport.answer(200, page_body(1, 1, {}));
  auto s = search();
  auto found = s.find(EpisodeCode{1, 1}, 1);
  EXPECT_FALSE(found->choice.has_value());
  EXPECT_EQ(
      found->reason,
      "results for S01E01 titled 'Blue Lock' belong to 2 different shows (ids 1702201, 1709999); not guessing");
  EXPECT_TRUE(s.show().ids.empty());
  ASSERT_TRUE(s.find(EpisodeCode{1, 2}, 2).ok());
  EXPECT_TRUE(sent_contains(1, "query=blue+lock"));
}

TEST_F(EpisodeSearchTest, FallsBackToTheSequentialNumberOnce) {
  transport.answer(200, page_body(1, 0, {}));
  transport.answer(200, page_body(1, 1, {episode_item("13", "Blue Lock", 1702201, 2, 13)}));
  auto s = search();
  auto found = s.find(EpisodeCode{2, 1}, 13);
  ASSERT_TRUE(found->choice.has_value());
  EXPECT_TRUE(sent_contains(1, "episode_number=13&"));
  EXPECT_EQ(s.counts().fallback_searches, 1u);
  EXPECT_EQ(s.counts().searches, 2u);
}

}  // namespace
}  // namespace scrapers::opensubtitles
