// Terminal control sequences in remote text reach neither the catalog nor a terminal:
// chereads-work, the real binary, reads a novel page (a hostile route of the fixture
// server) whose chapter titles carry ESC[2J, the one-character CSI U+009B and an OSC
// title change; the stored titles have none of them, and its stderr shows them escaped.
// (Controls in HTML text are replaced by U+FFFD by the HTML parser; embedded JSON is
// where they arrive raw.)
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

const std::string kStoredTitle = "Chapter 1 - [2JLight31m at the End of the Wick";

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The fixture novel page of kBookJson, whose embedded JSON chapter list now names
// chapter 1 with ESC[2J and U+009B CSI, and the ignored (and logged) item "Maps" with
// an OSC title change ending in BEL: JSON escapes, which the JSON parser turns into the
// raw characters.
std::string hostile_novel_page() {
  std::ifstream in(scrapers::testing::fixtures_dir() / "chereads" / ("novel-" + std::string(kBookJson) + ".html"),
                   std::ios::binary);
  std::ostringstream page;
  page << in.rdbuf();
  std::string html = replace_once(page.str(), R"("chapterName":"Chapter 1 - Light at the End of the Wick")",
                                  R"("chapterName":"Chapter 1 - \u001b[2JLight\u009b31m at the End of the Wick")");
  return replace_once(html, R"("chapterName":"Maps")", R"("chapterName":"Maps\u001b]0;owned\u0007")");
}

bool has_control(const std::string& text) {
  return text.find('\x1b') != std::string::npos || text.find('\x07') != std::string::npos ||
         text.find("\xC2\x9B") != std::string::npos;
}

TEST(RemoteTextE2e, ControlSequencesInTitlesAreNotStoredAndReachStderrOnlyEscaped) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  scrapers::testing::FaultRule hostile;
  hostile.path = std::string("/novel/") + kBookJson;
  hostile.fault = "status";
  hostile.status = 200;
  hostile.body = hostile_novel_page();
  hostile.content_type = "text/html; charset=utf-8";
  h.server().add_fault(hostile);

  const ProcessResult result = run_work(h, kBookJson);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(h.db().scalar("SELECT title FROM segments WHERE number = 1"), kStoredTitle);
  for (const auto& row : h.db().query("SELECT title FROM segments")) {
    EXPECT_FALSE(has_control(row[0].value_or(""))) << row[0].value_or("");
  }
  EXPECT_FALSE(has_control(result.err)) << "no raw control sequence on the terminal";
  EXPECT_FALSE(has_control(result.out));
  EXPECT_NE(result.err.find("Maps\\x1b]0;owned\\x07"), std::string::npos) << "logged, escaped:\n" << result.err;
}

}  // namespace
}  // namespace scrapers::chereads::e2e
