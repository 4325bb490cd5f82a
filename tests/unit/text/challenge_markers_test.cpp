// One list of anti-bot challenge markers: every marker is recognised by the
// response classifier and by each site's parsers, whatever its ASCII case, and the
// things that look alike on ordinary pages are recognised by none of them.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "common/http/classify.hpp"
#include "common/text/ascii.hpp"
#include "common/text/challenge.hpp"
#include "scrapers/chereads/parse.hpp"
#include "scrapers/opensubtitles/parse.hpp"
#include "scrapers/readnovel/parse.hpp"

namespace scrapers {
namespace {

constexpr std::string_view kUrl = "https://www.example.com/page";

std::string page_with(std::string_view head) {
  return "<!DOCTYPE html><html><head>" + std::string(head) +
         "</head><body><p>Please enable cookies.</p></body></html>";
}

http::Response response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.headers.add("Content-Type", "text/html; charset=UTF-8");
  r.body = std::move(body);
  return r;
}

template <typename T>
bool is_blocked(const Result<T>& result) {
  return !result.ok() && result.error().kind == ErrorKind::blocked;
}

// Every path that turns a body into "blocked".
void expect_recognised_everywhere(const std::string& body, const std::string& what) {
  EXPECT_TRUE(text::body_has_challenge_marker(body)) << what;
  EXPECT_TRUE(http::is_challenge(response(403, body))) << what;
  EXPECT_TRUE(is_blocked(http::parse_json_body(response(503, body), kUrl))) << what;
  EXPECT_TRUE(is_blocked(readnovel::parse_chapter_list(body, kUrl))) << what;
  EXPECT_TRUE(is_blocked(readnovel::parse_chapter_json(body, kUrl))) << what;
  EXPECT_TRUE(is_blocked(readnovel::parse_chapter_page(body, kUrl))) << what;
  EXPECT_TRUE(is_blocked(opensubtitles::parse_show_page(body, kUrl))) << what;
  EXPECT_TRUE(is_blocked(chereads::parse_chapter_list(body, kUrl))) << what;
  EXPECT_TRUE(is_blocked(chereads::parse_chapter_page(body, kUrl))) << what;
}

void expect_recognised_nowhere(const std::string& body, const std::string& what) {
  EXPECT_FALSE(text::body_has_challenge_marker(body)) << what;
  EXPECT_FALSE(http::is_challenge(response(403, body))) << what;
  EXPECT_FALSE(is_blocked(readnovel::parse_chapter_page(body, kUrl))) << what;
  EXPECT_FALSE(is_blocked(opensubtitles::parse_show_page(body, kUrl))) << what;
  EXPECT_FALSE(is_blocked(chereads::parse_chapter_page(body, kUrl))) << what;
}

TEST(ChallengeMarkers, EveryMarkerIsRecognisedByEverySite) {
  for (const std::string_view marker : text::kChallengeMarkers) {
    expect_recognised_everywhere(page_with(marker), std::string(marker));
  }
}

TEST(ChallengeMarkers, MarkersAreRecognisedWhateverTheirAsciiCase) {
  for (const std::string_view marker : text::kChallengeMarkers) {
    expect_recognised_everywhere(page_with(text::to_ascii_upper(marker)), text::to_ascii_upper(marker));
    expect_recognised_everywhere(page_with(text::to_ascii_lower(marker)), text::to_ascii_lower(marker));
  }
}

TEST(ChallengeMarkers, ChallengeScriptsCountWhereverTheyPointOnThePlatform) {
  expect_recognised_everywhere(
      page_with("<script>a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8c2f';</script>"),
      "orchestrate script");
}

TEST(ChallengeMarkers, OrdinaryPagesWithLookAlikesAreNotChallenges) {
  // Cloudflare's bot-management script is injected into ordinary pages, and a story
  // may say "Just a moment..." outside the title.
  expect_recognised_nowhere(
      page_with(
          "<title>Chapter 3</title><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>"),
      "bot-management script");
  expect_recognised_nowhere(page_with("<script>a.src='/cdn-cgi/challenge-platform/h/b/scripts/jsd/1a2b/main.js'"
                                      "</script>"),
                            "versioned bot-management script");
  expect_recognised_nowhere(
      page_with("<title>Chapter 3</title></head><body><p>\"Just a moment...\" she said.</p>"),
      "the phrase in the text");
}

TEST(ChallengeMarkers, OnlyTheHeadOfAHugeBodyIsScanned) {
  constexpr std::string_view kMarker = "_cf_chl_opt";
  const std::string late = std::string(text::kChallengeScanBytes, ' ') + std::string(kMarker);
  EXPECT_FALSE(text::body_has_challenge_marker(late));
  EXPECT_TRUE(text::body_has_challenge_marker(std::string_view(late).substr(kMarker.size())));
}

}  // namespace
}  // namespace scrapers
