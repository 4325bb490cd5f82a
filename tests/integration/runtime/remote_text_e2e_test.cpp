// Terminal control sequences in remote text reach neither the catalog nor a terminal:
// chereads-work, the real binary, reads a chapter list (a hostile route of the fixture
// server) whose titles carry ESC[2J, the one-character CSI U+009B and an OSC title
// change; the stored titles have none of them, and its stderr shows them escaped.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

const std::string kCleanTitle = "Chapter 1 - Light at the End of the Wick";
const std::string kHostileTitle =
    "Chapter 1 - \x1b[2JLight\xC2\x9B"
    "31m at the End of the Wick";
const std::string kStoredTitle = "Chapter 1 - [2JLight31m at the End of the Wick";
const std::string kHostileIgnored = "Maps\x1b]0;owned\x07";  // an item the program ignores (and logs)

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The fixture chapter list of kBookHtml with hostile titles.
std::string hostile_chapter_list() {
  std::ifstream in(scrapers::testing::fixtures_dir() / "chereads" /
                       ("chapterlist-" + std::string(kBookHtml) + ".html"),
                   std::ios::binary);
  std::ostringstream page;
  page << in.rdbuf();
  std::string html = replace_all(page.str(), kCleanTitle, kHostileTitle);
  html = replace_all(html, "\"Maps\"", "\"" + kHostileIgnored + "\"");
  return replace_all(html, ">Maps<", ">" + kHostileIgnored + "<");
}

bool has_control(const std::string& text) {
  return text.find('\x1b') != std::string::npos || text.find('\x07') != std::string::npos ||
         text.find("\xC2\x9B") != std::string::npos;
}

TEST(RemoteTextE2e, ControlSequencesInTitlesAreNotStoredAndReachStderrOnlyEscaped) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string html = hostile_chapter_list();
  ASSERT_NE(html.find(kHostileTitle), std::string::npos);
  scrapers::testing::FaultRule hostile;
  hostile.path = std::string("/chapterlist/") + kBookHtml + "/";
  hostile.fault = "status";
  hostile.status = 200;
  hostile.body = html;
  hostile.content_type = "text/html; charset=utf-8";
  h.server().add_fault(hostile);

  const ProcessResult result = run_work(h, kBookHtml);
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
