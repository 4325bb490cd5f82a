// Shared pieces of the readnovel end-to-end tests: the fixture novels, running the
// programs, reading the last job row and the requests the fixture server saw.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e_support/scraper_harness.hpp"

namespace scrapers::readnovel::e2e {

using scrapers::testing::ProcessResult;
using scrapers::testing::ScraperHarness;

inline constexpr const char* kLongSlug = "moonlit-sword-2-return-of-the-exile";  // 320 chapters
inline constexpr std::size_t kLongChapters = 320;
inline constexpr const char* kLanternSlug = "the-quiet-lantern";  // 8 chapters with content fixtures
inline constexpr std::size_t kLanternChapters = 8;

// The columns of ScraperHarness::last_job().
enum JobColumn { kStatus = 0, kAttempt, kError, kInput, kOutput, kWorkId, kEditionId, kStartedAt, kFinishedAt };

inline nlohmann::json json_column(ScraperHarness& h, JobColumn column) {
  const auto job = h.last_job();
  if (job.size() <= static_cast<std::size_t>(column) || !job[column]) return nlohmann::json();
  return nlohmann::json::parse(*job[column]);
}

inline std::string column(ScraperHarness& h, JobColumn c) { return h.last_job().at(c).value_or("<null>"); }

inline std::string scalar(ScraperHarness& h, const std::string& sql,
                          const std::vector<scrapers::testing::SqlValue>& params = {}) {
  return h.db().scalar(sql, params).value_or("<null>");
}

inline ProcessResult run_api(ScraperHarness& h, const std::string& work_id, const std::string& slug) {
  return h.run("readnovel-api", {work_id, slug});
}

// readnovel-api over a fixture novel for a new work; returns {work_id, edition_id}.
inline std::pair<std::string, std::string> import_novel(ScraperHarness& h, const std::string& slug) {
  const std::string work = h.create_work("The Quiet Lantern");
  const ProcessResult result = run_api(h, work, slug);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return {work, json_column(h, kOutput).value("editionId", std::string())};
}

// Segment ids of an edition by number ("1" -> id).
inline std::map<std::string, std::string> segments_by_number(ScraperHarness& h, const std::string& edition) {
  std::map<std::string, std::string> out;
  for (const auto& row :
       h.db().query("SELECT number::text, id::text FROM segments WHERE edition_id = $1", {edition})) {
    out[*row[0]] = *row[1];
  }
  return out;
}

// Paths of the requests the fixture server saw, in order, starting with `prefix`.
inline std::vector<std::string> request_paths(ScraperHarness& h, const std::string& prefix = "/") {
  std::vector<std::string> out;
  for (const auto& r : h.server().requests()) {
    if (r.path.rfind(prefix, 0) == 0) out.push_back(r.path);
  }
  return out;
}

inline std::size_t count_of(const std::vector<std::string>& paths, const std::string& path) {
  std::size_t n = 0;
  for (const auto& p : paths) n += p == path ? 1u : 0u;
  return n;
}

}  // namespace scrapers::readnovel::e2e
