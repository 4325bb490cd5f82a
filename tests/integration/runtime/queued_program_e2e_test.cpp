// What the programs themselves do under the queue, end to end: the real chereads
// binaries on rows claimed as a worker would (PIPELINE_JOB_ID + PIPELINE_JOB_WORKER),
// against the fixture server and a fresh PostgreSQL. Covers which failures a retry can
// fix (the errors entry and finish_attempt), cancellation mid-run, progress on the row,
// and request spacing across processes from a `sources` rate limit (the fixture
// server's arrival log is the evidence).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "tests/integration/chereads/chereads_e2e.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/worker_side.hpp"
#include "tracking/database.hpp"
#include "tracking/queue.hpp"

namespace scrapers::runtime {
namespace {

using namespace std::chrono_literals;
using chereads::e2e::ArrivalClock;
using chereads::e2e::kBookJson;
using chereads::e2e::kBookUnknown;
using chereads::e2e::kWorkId;
using nlohmann::json;
using testing::ProcessResult;
using testing::ScraperHarness;
using tracking::FinishKind;

constexpr const char* kWorker = "test-worker:4242";

class QueuedProgram : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    h_ = std::make_unique<ScraperHarness>();
    auto db = tracking::Database::open(h_->db().conninfo());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    db_ = std::make_unique<tracking::Database>(std::move(db).value());
  }

  // Enqueues `program args` and claims it as kWorker, as a worker would; returns the id.
  std::string claim(const std::string& program, const std::vector<std::string>& args) {
    return testing::enqueue_and_claim(*db_, kWorker, program, args);
  }
  static std::vector<std::pair<std::string, std::string>> adopting(
      const std::string& id, std::vector<std::pair<std::string, std::string>> extra = {}) {
    extra.emplace_back("PIPELINE_JOB_ID", id);
    extra.emplace_back("PIPELINE_JOB_WORKER", kWorker);
    return extra;
  }
  // The worker's finish after its child exited non-zero: it would retry a plain failure.
  tracking::FinishOutcome finish(const std::string& id) {
    return testing::finish_exit_status_1(*db_, id, kWorker, 1s);
  }
  json row_json(const std::string& id, const std::string& column) {
    auto text = h_->db().scalar("SELECT " + column + "::text FROM pipeline_jobs WHERE id = $1", {id});
    return text ? json::parse(*text) : json();
  }
  std::string value(const std::string& sql, const std::vector<testing::SqlValue>& params = {}) {
    return h_->db().scalar(sql, params).value_or("<null>");
  }
  // A chereads-work run adopted on a claimed row; returns the row id.
  std::string run_work_adopted(const std::string& book) {
    const std::vector<std::string> args{"--url=" + chereads::e2e::list_url(*h_, book),
                                        std::string("--workId=") + kWorkId};
    const std::string id = claim("chereads-work", args);
    const ProcessResult result = h_->run("chereads-work", args, adopting(id));
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(value("SELECT status FROM pipeline_jobs WHERE id = $1", {id}), "failed");
    return id;
  }
  // A fault on every request (the novel page and the chapter-list fallback alike).
  void add_fault(const std::string& kind, int status = 0) {
    testing::FaultRule rule;
    rule.path = "/*";
    rule.fault = kind;
    rule.status = status;
    h_->server().add_fault(rule);
  }

  std::unique_ptr<ScraperHarness> h_;
  std::unique_ptr<tracking::Database> db_;
};

// --- Which failures a retry can fix ---------------------------------------------------

TEST_F(QueuedProgram, ALayoutChangeIsRecordedPermanentAndNotRetried) {
  const std::string id = run_work_adopted(kBookUnknown);
  const json errors = row_json(id, "errors");
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["kind"], "permanent");
  EXPECT_EQ(errors[0]["retryable"], false);
  EXPECT_EQ(errors[0]["worker"], kWorker);
  EXPECT_EQ(finish(id).kind, FinishKind::failed) << "the program's verdict wins over retryable=true";
}

TEST_F(QueuedProgram, A404IsRecordedPermanentAndNotRetried) {
  add_fault("status", 404);
  const std::string id = run_work_adopted(kBookJson);
  const json errors = row_json(id, "errors");
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["retryable"], false) << errors;
  EXPECT_EQ(finish(id).kind, FinishKind::failed);
}

TEST_F(QueuedProgram, AServerErrorIsRecordedRetryableAndRetried) {
  add_fault("status", 500);
  const std::string id = run_work_adopted(kBookJson);
  const json errors = row_json(id, "errors");
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["kind"], "retryable") << errors;
  EXPECT_EQ(errors[0]["retryable"], true);
  EXPECT_EQ(finish(id).kind, FinishKind::retrying);
  EXPECT_EQ(value("SELECT (status = 'queued' AND run_at < now() + interval '1 minute')::text FROM pipeline_jobs"
                  " WHERE id = $1",
                  {id}),
            "true");
}

TEST_F(QueuedProgram, ABlockIsRetriedWithTheLongDelay) {
  add_fault("challenge");
  const std::string id = run_work_adopted(kBookJson);
  const json errors = row_json(id, "errors");
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["kind"], "blocked") << errors;
  EXPECT_EQ(finish(id).kind, FinishKind::retrying);
  EXPECT_EQ(value("SELECT (status = 'queued' AND run_at > now() + interval '50 minutes')::text"
                  " FROM pipeline_jobs WHERE id = $1",
                  {id}),
            "true");
}

TEST_F(QueuedProgram, ItemFailuresAreRetriedUnlessEachOneFailedForGood) {
  const std::string edition = chereads::e2e::prepare_edition(*h_);
  ASSERT_FALSE(edition.empty());
  const std::vector<std::string> args{"--editionId=" + edition, "--delay=0"};
  // Only chapter 12 fails (too short: a missing field), which no retry can fix.
  const std::string id = claim("chereads-segment", args);
  EXPECT_EQ(h_->run("chereads-segment", args, adopting(id)).exit_code, 1);
  EXPECT_EQ(row_json(id, "errors")[0].value("kind", ""), "permanent") << row_json(id, "errors");
  EXPECT_EQ(finish(id).kind, FinishKind::failed);
  // Chapter 2 answering 500 as well: that one may succeed later, so the job is retried.
  h_->db().exec("DELETE FROM segment_assets; DELETE FROM assets;");
  testing::FaultRule server_error;
  server_error.path = value("SELECT canonical_url FROM segments WHERE number = 2")
                          .substr(h_->server().base_url().size());
  server_error.fault = "status";
  server_error.status = 500;
  h_->server().add_fault(server_error);
  const std::string again = claim("chereads-segment", args);
  EXPECT_EQ(h_->run("chereads-segment", args, adopting(again)).exit_code, 1);
  EXPECT_EQ(row_json(again, "output")["failed"], 2) << row_json(again, "output");
  EXPECT_EQ(row_json(again, "errors")[0].value("kind", ""), "retryable") << row_json(again, "errors");
  EXPECT_EQ(finish(again).kind, FinishKind::retrying);
}

// --- Cancellation and progress -----------------------------------------------------------

TEST_F(QueuedProgram, ACancelStopsASegmentRunBetweenChaptersWithTruthfulCounts) {
  const std::string edition = chereads::e2e::prepare_edition(*h_);
  ASSERT_FALSE(edition.empty());
  h_->server().reset();
  const std::vector<std::string> args{"--editionId=" + edition, "--delay=500"};
  const std::string id = claim("chereads-segment", args);
  // A heartbeat far away: the cancel must be learnt between chapters, not from it.
  auto process = h_->start("chereads-segment", args, adopting(id, {{"JOB_HEARTBEAT_INTERVAL", "60s"}}));
  ASSERT_TRUE(process.wait_for_output(" stored", 20s)) << process.err_so_far();
  ASSERT_EQ(tracking::cancel_job(*db_, id)->kind, tracking::CancelKind::stop_requested);
  const auto cancelled_at = std::chrono::steady_clock::now();
  const ProcessResult result = process.wait(30s);
  const auto took = std::chrono::steady_clock::now() - cancelled_at;
  EXPECT_LT(took, 4s) << "stops within a few seconds, long before the next heartbeat";
  EXPECT_EQ(result.exit_code, 130) << result.err;
  EXPECT_EQ(value("SELECT status || ' ' || error FROM pipeline_jobs WHERE id = $1", {id}), "failed cancelled");
  const json errors = row_json(id, "errors");
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["kind"], "cancelled");
  EXPECT_EQ(errors[0]["retryable"], false);
  const json output = row_json(id, "output");
  EXPECT_EQ(output["success"].get<int>(),
            std::stoi(value("SELECT count(*) FROM segment_assets WHERE role = 'content'")))
      << "stored = what was stored: " << output;
  EXPECT_GT(output["notAttempted"].get<int>(), 0) << output;
  EXPECT_EQ(output["totalSegments"], chereads::e2e::kChapters);
  const auto requests = chereads::e2e::request_paths(*h_, std::string("/novel/") + kBookJson + "/").size();
  EXPECT_EQ(requests, output["success"].get<std::size_t>() + output["errors"].get<std::size_t>() +
                          output["locked"].get<std::size_t>())
      << "every chapter requested was counted, nothing after the stop";
  const auto outcome = finish(id);
  EXPECT_EQ(outcome.kind, FinishKind::failed) << "a cancelled job is not retried";
  EXPECT_EQ(outcome.error, "cancelled");
}

TEST_F(QueuedProgram, ProgressIsRecordedOnTheRowDuringTheRunAndEndsDone) {
  const std::string edition = chereads::e2e::prepare_edition(*h_);
  ASSERT_FALSE(edition.empty());
  const std::vector<std::string> args{"--editionId=" + edition, "--delay=400", "--start=1", "--end=8"};
  const std::string id = claim("chereads-segment", args);
  auto process = h_->start("chereads-segment", args, adopting(id));
  std::vector<json> seen;
  while (!process.wait_for(0ms)) {
    const json progress = row_json(id, "progress");
    if (progress.is_object() && (seen.empty() || seen.back()["done"] != progress["done"]))
      seen.push_back(progress);
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(value("SELECT status FROM pipeline_jobs WHERE id = $1", {id}), "success");
  ASSERT_GE(seen.size(), 3u) << "progress moved during the run";
  for (const json& p : seen) {
    EXPECT_EQ(p["total"], 8) << p;
    EXPECT_TRUE(p["updated_at"].is_string()) << p;
  }
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const json& p) {
    return p["item"].is_string() && p["done"].get<int>() < 8;
  })) << "the item in hand is named while the run lasts";
  const json last = row_json(id, "progress");
  EXPECT_EQ(last["done"], 8) << last;
  EXPECT_EQ(last["total"], 8) << last;
  EXPECT_TRUE(last["item"].is_null()) << last;
}

// --- Politeness across processes -----------------------------------------------------------

// Two chereads-segment processes over disjoint chapter ranges of one edition, both with
// --delay=0; returns every request's arrival time at the fixture server, sorted.
std::vector<std::chrono::steady_clock::time_point> two_concurrent_runs(ScraperHarness& h) {
  const std::string edition = chereads::e2e::prepare_edition(h);
  EXPECT_FALSE(edition.empty());
  auto arrivals = std::make_shared<ArrivalClock::Arrivals>();
  h.server().add_emulator(std::make_unique<ArrivalClock>(arrivals));
  auto first = h.start("chereads-segment", {"--editionId=" + edition, "--delay=0", "--start=1", "--end=4"});
  auto second = h.start("chereads-segment", {"--editionId=" + edition, "--delay=0", "--start=5", "--end=8"});
  const ProcessResult a = first.wait(60s);
  const ProcessResult b = second.wait(60s);
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(b.exit_code, 0) << b.err;
  std::lock_guard lock(arrivals->mutex);
  auto times = arrivals->times;
  std::sort(times.begin(), times.end());
  return times;
}

TEST_F(QueuedProgram, ASourcesRateLimitSpacesRequestsFromAllProcesses) {
  h_->db().exec("INSERT INTO sources (name, domain, rate_limit_rpm) VALUES ('fixture', '127.0.0.1', 120)");
  const auto times = two_concurrent_runs(*h_);
  ASSERT_EQ(times.size(), 8u);
  // 120 rpm = one request slot every 500 ms, shared by both processes. A request is
  // never sent before its slot but may leave a little after it on a busy machine, so
  // the n-th request comes at least n slots after the first (less the first one's own
  // lateness), and no two come in a burst.
  for (std::size_t i = 1; i < times.size(); ++i) {
    EXPECT_GE(times[i] - times[0], static_cast<long>(i) * 500ms - 40ms) << "request " << i + 1 << " came early";
    EXPECT_GE(times[i] - times[i - 1], 250ms) << "a burst before request " << i + 1 << " of both processes";
  }
  EXPECT_EQ(value("SELECT (last_run_at IS NOT NULL)::text FROM sources"), "true") << "last_run_at kept current";
}

TEST_F(QueuedProgram, WithoutASourcesRowRequestsAreNotSpacedBeyondTheDelay) {
  const auto times = two_concurrent_runs(*h_);
  ASSERT_EQ(times.size(), 8u);
  std::chrono::steady_clock::duration smallest = times.back() - times.front();
  for (std::size_t i = 1; i < times.size(); ++i) smallest = std::min(smallest, times[i] - times[i - 1]);
  EXPECT_LT(smallest, 250ms) << "nothing spaces requests when no source sets a rate";
  EXPECT_LT(times.back() - times.front(), 7 * 500ms);
}

}  // namespace
}  // namespace scrapers::runtime
