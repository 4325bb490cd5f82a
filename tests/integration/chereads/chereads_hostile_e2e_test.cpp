// chereads-segment end to end against pages built to hang or swell the HTML parser
// (the fixture server's hostile_html fault): each such chapter fails within seconds
// as too_large / layout_changed, the job ends, and the other chapters are stored.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

using nlohmann::json;

// The path of segment `number`'s chapter URL.
std::string chapter_path(ScraperHarness& h, const std::string& number) {
  const auto url = h.db().scalar("SELECT canonical_url FROM segments WHERE number = $1::numeric", {number});
  EXPECT_TRUE(url.has_value());
  const std::string& u = url.value_or("");
  return u.substr(u.find('/', u.find("://") + 3));
}

void serve_hostile(ScraperHarness& h, const std::string& path, const std::string& shape, std::size_t count) {
  scrapers::testing::FaultRule rule;
  rule.path = path;
  rule.fault = "hostile_html";
  rule.shape = shape;
  rule.count = count;
  h.server().add_fault(rule);
}

std::string reason_of(const json& output, const std::string& number) {
  for (const json& failure : output["failures"]) {
    if (failure["number"] == number) return failure["reason"].get<std::string>();
  }
  return "<no failure for chapter " + number + ">";
}

TEST(ChereadsSegmentHostileE2e, NestedAndWidePagesFailTheirChapterInSecondsAndTheRestIsStored) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  ASSERT_FALSE(edition.empty());
  h.server().reset();
  serve_hostile(h, chapter_path(h, "2"), "nested", 100'000);      // gumbo: 25-38 s
  serve_hostile(h, chapter_path(h, "3"), "attributes", 200'000);  // gumbo: over 4 minutes
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult result = h.run("chereads-segment",
                                     {"--editionId=" + edition, "--delay=0", "--start=1", "--end=5"});
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_LT(took, std::chrono::seconds(20)) << "refused before gumbo, not parsed for minutes";

  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed") << "the job ended, not left running";
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 3) << output;
  EXPECT_EQ(output["errors"], 2) << output;
  EXPECT_NE(reason_of(output, "2").find("nested deeper than 512"), std::string::npos) << reason_of(output, "2");
  EXPECT_NE(reason_of(output, "3").find("more than 256 attributes"), std::string::npos) << reason_of(output, "3");
  EXPECT_EQ(h.db().scalar("SELECT count(*) FROM segment_assets WHERE role = 'content'"), "3");
}

TEST(ChereadsSegmentHostileE2e, APageOfTooManyTinyElementsFailsAsTooLarge) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  ASSERT_FALSE(edition.empty());
  h.server().reset();
  serve_hostile(h, chapter_path(h, "1"), "elements", 300'000);
  const ProcessResult result = h.run("chereads-segment",
                                     {"--editionId=" + edition, "--delay=0", "--start=1", "--end=2"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const json output = last_output(h);
  EXPECT_EQ(output["success"], 1) << output;
  EXPECT_NE(reason_of(output, "1").find("more than 200000 elements"), std::string::npos) << reason_of(output, "1");
  EXPECT_EQ(h.last_job()[0], "failed");
}

}  // namespace
}  // namespace scrapers::chereads::e2e
