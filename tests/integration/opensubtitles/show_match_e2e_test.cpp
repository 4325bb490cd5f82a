// bulk-download-subtitles end to end against search answers that mix other shows
// (fixtures/opensubtitles/api/search-bluelock-*): only the show's own episode is ever
// stored, its id is used once certain, result pages are read on, every part of a
// multi-part subtitle is stored, and the query is canonical (one re-encoding
// redirect followed, anything else refused).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::opensubtitles::e2e {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string subtitle_fixture(const std::string& name) {
  return read_file(scrapers::testing::fixtures_dir() / "opensubtitles" / "files" / name);
}

class ShowMatchE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h = std::make_unique<ScraperHarness>(std::vector<std::string>{"opensubtitles"});
  }

  // A "Blue Lock" work with one season-1 edition holding the given episodes (number = episode).
  void make_edition(const std::vector<int>& episodes) {
    work_id = scalar(*h, "INSERT INTO works (title) VALUES ('Blue Lock') RETURNING id");
    edition_id = scalar(
        *h,
        "INSERT INTO editions (work_id, media_type, provider, canonical_url) VALUES ($1, 'anime', "
        "'opensubtitles-s1', 'https://www.opensubtitles.com/en/tvshows/2022-blue-lock') RETURNING id",
        {work_id});
    for (const int episode : episodes) {
      const std::string code = "S01E" + std::string(episode < 10 ? "0" : "") + std::to_string(episode);
      h->db().query(
          "INSERT INTO segments (edition_id, segment_type, number, title) VALUES ($1, 'episode', $2, $3)",
          {edition_id, std::to_string(episode), code});
    }
  }

  ProcessResult bulk(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--editionId", edition_id, "--seriesName", "Blue Lock", "--delay", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return h->run("bulk-download-subtitles", args, {{"OPENSUBTITLES_API_KEY", kApiKey}});
  }

  // [key, content_type] of the stored subtitles, by key.
  std::vector<testing::SqlRow> stored() {
    return h->db().query(
        "SELECT a.r2_key, a.content_type FROM segment_assets sa JOIN assets a ON a.id = sa.asset_id "
        "WHERE sa.role = 'subtitle' ORDER BY a.r2_key");
  }

  std::string key(int episode, const std::string& name) const {
    return "raw/anime/" + work_id + "/" + edition_id + "/episode-" + std::to_string(episode) + "/" + name;
  }

  std::unique_ptr<ScraperHarness> h;
  std::string work_id;
  std::string edition_id;
};

TEST_F(ShowMatchE2e, AnotherShowRankedFirstIsNeverStoredAndTheShowIdIsUsedAfterwards) {
  make_edition({1, 2});
  const ProcessResult result = bulk();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = stored();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], key(1, "[SubsPlease] Blue Lock - 01 (1080p).en.srt"));
  EXPECT_EQ(rows[1][0], key(2, "[SubsPlease] Blue Lock - 02 (1080p).en.srt"));
  EXPECT_EQ(read_file(h->asset_dir() / *rows[0][0]), subtitle_fixture("blue.lock.s01e01.en.srt"));
  EXPECT_EQ(emulator_counter(*h, "downloads"), 2);  // neither Locke & Key nor Blue Exorcist

  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_NE(api[0].find("&query=blue+lock&season_number=1"), std::string::npos) << api[0];
  EXPECT_NE(api[1].find("episode_number=2&languages=en&order_by=download_count&parent_feature_id=1702201&"),
            std::string::npos)
      << api[1];
  EXPECT_EQ(api[1].find("query="), std::string::npos) << api[1];
  EXPECT_EQ(emulator_counter(*h, "searches_by_id"), 1);

  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 2);
  EXPECT_EQ(output["searchesById"], 1);
  EXPECT_EQ(output["show"], json({{"title", "Blue Lock"},
                                  {"parentFeatureId", 1702201},
                                  {"parentImdbId", 15231212},
                                  {"parentTmdbId", 127249},
                                  {"learnedFrom", "S01E01"}}));
}

TEST_F(ShowMatchE2e, NoResultOfTheShowIsNotFoundWithTheReasonNeverAGuess) {
  make_edition({3});
  const ProcessResult result = bulk();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(h->last_job()[0], "success");
  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 0);
  EXPECT_EQ(output["notFound"], 1);
  EXPECT_EQ(output["nothingFound"], true);
  EXPECT_EQ(output["show"], nullptr);
  ASSERT_EQ(output["skippedItems"].size(), 1u);
  EXPECT_EQ(output["skippedItems"][0]["reason"],
            "no subtitle found for S01E03 of 'Blue Lock' in en (3 results passed over: 2 for another show "
            "('Blue Exorcist', 'Blue Period'), 1 naming no show)");
  EXPECT_EQ(requests(*h, "/api/v1/download").size(), 0u);
  EXPECT_TRUE(stored().empty());
}

TEST_F(ShowMatchE2e, ReadsTheNextResultPageWhenTheFirstHoldsOnlyOtherShows) {
  make_edition({4});
  const ProcessResult result = bulk();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = stored();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], key(4, "[SubsPlease] Blue Lock - 04 (1080p).en.srt"));
  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_EQ(api[0].find("page="), std::string::npos) << api[0];
  EXPECT_NE(api[1].find("&page=2&query=blue+lock&"), std::string::npos) << api[1];
  EXPECT_EQ(last_output(*h)["extraPages"], 1);
}

TEST_F(ShowMatchE2e, ASubtitleInTwoPartsStoresBothPartsInOrder) {
  make_edition({6});
  const ProcessResult result = bulk();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = stored();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], key(6, "part-1-of-2-Blue.Lock.S01E06.1080p.BluRay.CD1.en.srt"));
  EXPECT_EQ(rows[1][0], key(6, "part-2-of-2-Blue.Lock.S01E06.1080p.BluRay.CD2.en.srt"));
  EXPECT_EQ(read_file(h->asset_dir() / *rows[0][0]), subtitle_fixture("blue.lock.s01e06.cd1.en.srt"));
  EXPECT_EQ(read_file(h->asset_dir() / *rows[1][0]), subtitle_fixture("blue.lock.s01e06.cd2.en.srt"));
  EXPECT_EQ(scalar(*h, "SELECT count(DISTINCT segment_id) FROM segment_assets WHERE role = 'subtitle'"), "1");
  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 1);
  EXPECT_EQ(output["partsStored"], 2);
  EXPECT_EQ(output["multiPartEpisodes"], 1);
  EXPECT_EQ(output["linksRequested"], 2);
}

TEST_F(ShowMatchE2e, APartThatCannotBeDownloadedStoresNoPart) {
  make_edition({6});
  auto rule = scrapers::testing::parse_fault_rule(
      {{"path", "/download/*"}, {"fault", "status"}, {"status", 404}, {"body", "gone"}});
  ASSERT_TRUE(rule.ok());
  // The link of part 1 answers 404 (not retried): nothing of the episode may be kept.
  h->server().add_fault(*rule);
  const ProcessResult result = bulk();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const json output = last_output(*h);
  EXPECT_EQ(output["failed"], 1);
  ASSERT_EQ(output["failures"].size(), 1u);
  EXPECT_NE(output["failures"][0]["reason"].get<std::string>().find("S01E06 download part 1 of 2"),
            std::string::npos)
      << output["failures"][0]["reason"];
  EXPECT_TRUE(stored().empty());
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM assets"), "0");
  EXPECT_EQ(requests(*h, "/api/v1/download").size(), 1u);  // part 2 not even asked for
}

TEST_F(ShowMatchE2e, ALanguageListIsSentInTheCanonicalFormWithoutARedirect) {
  make_edition({7});
  const ProcessResult result = bulk({"--languages", "en,pt-br"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(emulator_counter(*h, "redirects"), 0);
  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 1u);
  EXPECT_NE(api[0].find("languages=en%2Cpt-br&"), std::string::npos) << api[0];
  const auto rows = stored();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], key(7, "Blue.Lock.S01E07.pt-BR.srt"));  // trusted pt-BR beats untrusted en
}

TEST_F(ShowMatchE2e, FollowsOneRedirectThatOnlyReencodesTheQuery) {
  make_edition({7});
  emulator(*h, "POST", "config", {{"comma_form", ","}});  // an API whose canonical comma drifted
  const ProcessResult result = bulk({"--languages", "en,pt-br"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto api = requests(*h, "/api/v1/subtitles");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_NE(api[0].find("languages=en%2Cpt-br&"), std::string::npos) << api[0];
  EXPECT_NE(api[0].find("-> 301"), std::string::npos) << api[0];
  EXPECT_NE(api[1].find("languages=en,pt-br&"), std::string::npos) << api[1];
  EXPECT_NE(api[1].find("-> 200"), std::string::npos) << api[1];
  EXPECT_EQ(emulator_counter(*h, "redirects"), 1);
  EXPECT_EQ(last_output(*h)["success"], 1);
  EXPECT_NE(result.err.find("followed once"), std::string::npos) << result.err;
}

TEST_F(ShowMatchE2e, ARedirectToAnotherHostIsRefusedWithAClearError) {
  make_edition({1});
  const std::string port = std::to_string(h->server().port());
  auto rule = scrapers::testing::parse_fault_rule(
      {{"path", "/api/v1/subtitles"},
       {"fault", "redirect"},
       {"status", 301},
       {"location", "http://localhost:" + port +
                        "/api/v1/subtitles?ai_translated=exclude&episode_number=1&languages=en"
                        "&order_by=download_count&query=blue+lock&season_number=1"}});
  ASSERT_TRUE(rule.ok());
  h->server().add_fault(*rule);
  const ProcessResult result = bulk();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const json output = last_output(*h);
  ASSERT_EQ(output["failures"].size(), 1u);
  const std::string reason = output["failures"][0]["reason"];
  EXPECT_NE(reason.find("S01E01 search: "), std::string::npos) << reason;
  EXPECT_NE(reason.find("redirected (HTTP 301) to another host (http://localhost:" + port + ")"),
            std::string::npos)
      << reason;
  EXPECT_EQ(requests(*h, "/api/v1/subtitles").size(), 1u);  // not followed
  EXPECT_TRUE(stored().empty());
}

}  // namespace
}  // namespace scrapers::opensubtitles::e2e
