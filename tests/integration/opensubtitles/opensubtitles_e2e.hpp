// Shared pieces of the opensubtitles end-to-end tests: the fixture show, running
// opensubtitles-work to prepare editions, reading the last job, and talking to the
// fixture server's OpenSubtitles emulator.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/http/curl_transport.hpp"
#include "tests/e2e_support/scraper_harness.hpp"

namespace scrapers::opensubtitles::e2e {

using nlohmann::json;
using scrapers::testing::ProcessResult;
using scrapers::testing::ScraperHarness;

inline constexpr const char* kShowPath = "/en/tvshows/2024-solo-leveling";
inline constexpr const char* kApiKey = "e2e-api-key-7f3a9c";
inline constexpr std::size_t kSeason1Episodes = 12;
inline constexpr std::size_t kEpisodes = 25;  // 12 + 13; Specials and the empty Season 3 are not stored

inline std::string show_url(ScraperHarness& h, const std::string& path = kShowPath) {
  return h.server().base_url() + path;
}

inline json last_output(ScraperHarness& h) {
  const auto job = h.last_job();
  return job.size() < 5 || !job[4] ? json() : json::parse(*job[4]);
}

inline json last_input(ScraperHarness& h) {
  const auto job = h.last_job();
  return job.size() < 4 || !job[3] ? json() : json::parse(*job[3]);
}

inline std::string scalar(ScraperHarness& h, const std::string& sql,
                          const std::vector<testing::SqlValue>& params = {}) {
  return h.db().scalar(sql, params).value_or("<null>");
}

struct PreparedShow {
  std::string work_id;
  std::string season1;  // edition ids
  std::string season2;
};

// opensubtitles-work over the fixture show with a new work; fails the test when it does not succeed.
inline PreparedShow prepare_show(ScraperHarness& h) {
  const ProcessResult work = h.run("opensubtitles-work", {"--url", show_url(h), "--title", "Solo Leveling"});
  EXPECT_EQ(work.exit_code, 0) << work.err;
  PreparedShow show;
  show.work_id = last_output(h).value("workId", std::string());
  show.season1 = scalar(h, "SELECT id FROM editions WHERE provider = 'opensubtitles-s1'");
  show.season2 = scalar(h, "SELECT id FROM editions WHERE provider = 'opensubtitles-s2'");
  h.server().reset();
  return show;
}

inline json emulator(ScraperHarness& h, const std::string& method, const std::string& action,
                     const json& body = json::object()) {
  http::CurlTransport transport;
  http::Request request;
  request.method = method;
  request.url = h.server().base_url() + "/__opensubtitles/" + action;
  if (method == "POST") request.body = body.dump();
  auto response = transport.send(request);
  EXPECT_TRUE(response.ok());
  if (!response.ok()) return json();
  EXPECT_EQ(response->status, 200) << response->body;
  return json::parse(response->body, nullptr, false);
}

inline int emulator_counter(ScraperHarness& h, const std::string& name) {
  return emulator(h, "GET", "state")["counters"].value(name, -1);
}

// The requests the server saw whose path starts with prefix, as "METHOD path?query -> status".
inline std::vector<std::string> requests(ScraperHarness& h, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& r : h.server().requests()) {
    if (r.path.rfind(prefix, 0) != 0) continue;
    out.push_back(r.method + " " + r.path + (r.query.empty() ? "" : "?" + r.query) + " -> " +
                  std::to_string(r.status));
  }
  return out;
}

inline std::size_t count_containing(const std::vector<std::string>& lines, const std::string& needle) {
  std::size_t n = 0;
  for (const auto& line : lines)
    if (line.find(needle) != std::string::npos) ++n;
  return n;
}

}  // namespace scrapers::opensubtitles::e2e
