// Shared pieces of the chereads end-to-end tests: the fixture books, running
// chereads-work to prepare an edition, reading the last job's output, and a
// request clock that records when chapter requests reach the fixture server.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e_support/scraper_harness.hpp"

namespace scrapers::chereads::e2e {

using scrapers::testing::ProcessResult;
using scrapers::testing::ScraperHarness;

inline constexpr const char* kBookJson = "34048845808168505";     // novel page with embedded JSON
inline constexpr const char* kBookHtml = "34048845808168519";     // chapter-list HTML only
inline constexpr const char* kBookUnknown = "34048845808168527";  // unrecognised layout
inline constexpr const char* kWorkId = "5c36ee25-e4ff-4e49-ac89-302ae715e596";
inline constexpr std::size_t kChapters = 17;  // 1..16 and 10.5; 4 of them locked
inline constexpr std::size_t kReadable = 12;  // 1..11 and 10.5 (12 is too short)

inline std::string list_url(ScraperHarness& h, const std::string& book) {
  return h.server().base_url() + "/chapterlist/" + book + "/";
}

inline ProcessResult run_work(ScraperHarness& h, const std::string& book, const std::string& work_id = kWorkId,
                              const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"--url=" + list_url(h, book), "--workId=" + work_id};
  args.insert(args.end(), extra.begin(), extra.end());
  return h.run("chereads-work", args);
}

inline nlohmann::json last_output(ScraperHarness& h) {
  const auto job = h.last_job();
  if (job.size() < 5 || !job[4]) return nlohmann::json();
  return nlohmann::json::parse(*job[4]);
}

inline nlohmann::json last_input(ScraperHarness& h) {
  const auto job = h.last_job();
  if (job.size() < 4 || !job[3]) return nlohmann::json();
  return nlohmann::json::parse(*job[3]);
}

// chereads-work over the JSON book; returns the edition id (fails the test otherwise).
inline std::string prepare_edition(ScraperHarness& h) {
  const ProcessResult work = run_work(h, kBookJson);
  EXPECT_EQ(work.exit_code, 0) << work.err;
  return last_output(h).value("editionId", std::string());
}

// Paths of the requests the server saw, in order, starting with `prefix`.
inline std::vector<std::string> request_paths(ScraperHarness& h, const std::string& prefix = "/") {
  std::vector<std::string> out;
  for (const auto& r : h.server().requests()) {
    if (r.path.rfind(prefix, 0) == 0) out.push_back(r.path);
  }
  return out;
}

// Records the steady-clock arrival time of every request and answers none of them.
class ArrivalClock : public scrapers::testing::SiteEmulator {
 public:
  struct Arrivals {
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> times;
  };
  explicit ArrivalClock(std::shared_ptr<Arrivals> arrivals) : arrivals_(std::move(arrivals)) {}
  bool handle(const httplib::Request&, httplib::Response&, scrapers::testing::EmulatorContext&) override {
    std::lock_guard lock(arrivals_->mutex);
    arrivals_->times.push_back(std::chrono::steady_clock::now());
    return false;
  }

 private:
  std::shared_ptr<Arrivals> arrivals_;
};

}  // namespace scrapers::chereads::e2e
