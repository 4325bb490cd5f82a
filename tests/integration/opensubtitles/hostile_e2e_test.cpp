// bulk-download-subtitles end to end against hostile answers: a download link that
// redirects off the API host, a login whose base_url names another host, and two
// segments of one edition with the same SxxEyy title.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/opensubtitles/opensubtitles_e2e.hpp"

namespace scrapers::opensubtitles::e2e {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

ProcessResult bulk(ScraperHarness& h, const std::vector<std::string>& args, Env env = {}) {
  std::vector<std::string> all{"--seriesName", "Solo Leveling", "--delay", "0"};
  all.insert(all.end(), args.begin(), args.end());
  env.emplace_back("OPENSUBTITLES_API_KEY", kApiKey);
  return h.run("bulk-download-subtitles", all, env);
}

std::size_t files_under(const std::filesystem::path& dir) {
  std::size_t n = 0;
  if (!std::filesystem::exists(dir)) return 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) ++n;
  }
  return n;
}

class HostileE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h = std::make_unique<ScraperHarness>(std::vector<std::string>{"opensubtitles"});
    show = prepare_show(*h);
  }
  std::string port() const { return std::to_string(h->server().port()); }
  std::unique_ptr<ScraperHarness> h;
  PreparedShow show;
};

TEST_F(HostileE2e, ADownloadLinkThatRedirectsOffTheApiHostStoresNothing) {
  // The link is on the API host (http://127.0.0.1:<port>/download/...); its redirect
  // names the same server as "localhost", which is neither that host nor https.
  scrapers::testing::FaultRule away;
  away.path = "/download/*";
  away.fault = "redirect";
  away.location = "http://localhost:" + port() + "/stolen.srt?token=abc";
  h->server().add_fault(away);
  scrapers::testing::FaultRule stolen;  // what a followed redirect would have stored
  stolen.path = "/stolen.srt";
  stolen.fault = "status";
  stolen.status = 200;
  stolen.body = "1\n00:00:01,000 --> 00:00:02,000\nnot from the API host\n";
  stolen.content_type = "application/x-subrip";
  h->server().add_fault(stolen);
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "1"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  const std::string error = job[2].value_or("");
  EXPECT_NE(error.find("S01E01 download"), std::string::npos) << error;
  EXPECT_NE(error.find("refused http://localhost:" + port() + " (downloads go only over https)"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.find("token=abc"), std::string::npos) << error;
  EXPECT_EQ(last_output(*h)["failed"], 1);
  EXPECT_EQ(scalar(*h, "SELECT count(*) FROM assets"), "0");
  EXPECT_EQ(files_under(h->asset_dir()), 0u);
  for (const auto& r : h->server().requests()) EXPECT_NE(r.path, "/stolen.srt");
}

TEST_F(HostileE2e, ALoginBaseUrlOnAnotherHostIsIgnoredAndNothingReachesIt) {
  scrapers::testing::FixtureServer elsewhere;
  ASSERT_TRUE(elsewhere.start().ok());
  emulator(*h, "POST", "config", {{"login_base_url", "localhost:" + std::to_string(elsewhere.port())}});
  const ProcessResult result = bulk(
      *h, {"--editionId", show.season1, "--limit", "1"},
      {{"OPENSUBTITLES_USERNAME", "demo-user"}, {"OPENSUBTITLES_PASSWORD", "pa55-word-e2e"}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(elsewhere.requests().empty()) << "the key and the token went to the login's base_url";
  EXPECT_NE(result.err.find("ignoring the login's base_url host 'localhost:" + std::to_string(elsewhere.port())),
            std::string::npos)
      << result.err;
  bool searched_with_token = false;
  for (const auto& r : h->server().requests()) {
    if (r.path != "/api/v1/subtitles") continue;
    EXPECT_EQ(r.header("Host"), "127.0.0.1:" + port());
    searched_with_token = r.header("Authorization").rfind("Bearer emulated-token-", 0) == 0;
  }
  EXPECT_TRUE(searched_with_token);
  EXPECT_EQ(last_output(*h)["success"], 1);
}

TEST_F(HostileE2e, TwoSegmentsWithTheSameEpisodeCodeNeverShareAnAssetNorSpendASecondDownload) {
  ASSERT_EQ(
      h->db()
          .query("UPDATE segments SET title = 'S01E01' WHERE edition_id = $1::uuid AND number = 2 RETURNING id",
                 {show.season1})
          .size(),
      1u);
  const ProcessResult result = bulk(*h, {"--editionId", show.season1, "--limit", "2"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto job = h->last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_NE(job[2].value_or("").find("segment 1 of this edition has the same episode code"), std::string::npos)
      << job[2].value_or("");
  const json output = last_output(*h);
  EXPECT_EQ(output["success"], 1);
  EXPECT_EQ(output["failed"], 1);
  EXPECT_EQ(emulator_counter(*h, "downloads"), 1) << "no quota spent on the second segment";
  EXPECT_EQ(emulator_counter(*h, "link_fetches"), 1);
  const auto links = h->db().query(
      "SELECT s.number::text, a.r2_key FROM segment_assets sa JOIN segments s ON s.id = sa.segment_id "
      "JOIN assets a ON a.id = sa.asset_id ORDER BY s.number");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0][0], "1");
  EXPECT_EQ(files_under(h->asset_dir()), 1u);
}

}  // namespace
}  // namespace scrapers::opensubtitles::e2e
