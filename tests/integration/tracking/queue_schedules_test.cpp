// Schedules and host pacing against a real PostgreSQL: one job per slot however many
// callers, schedule bookkeeping and bad input, pacing across connections, source rules.
#include "tracking/queue_schedules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/host_pacing.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
using tracking::WallTime;

class Schedules : public TrackingTest {
 protected:
  static tracking::ScheduleSpec spec(const std::string& name, const std::string& cron = "0 * * * *") {
    tracking::ScheduleSpec s;
    s.name = name;
    s.cron = cron;
    s.program = "readnovel-api";
    s.args = {"--slug", "a-book"};
    s.script_type = "scrape-readnovel-api";
    s.priority = 2;
    return s;
  }
  std::string jobs() const { return sql_->scalar("SELECT count(*) FROM pipeline_jobs").value_or("?"); }
};

TEST_F(Schedules, AddListAndRemoveWithOneLineErrorsForBadInput) {
  ASSERT_TRUE(tracking::add_schedule(*db_, spec("hourly")).ok());
  ASSERT_TRUE(tracking::add_schedule(*db_, spec("daily", "0  3 * * *")).ok());
  auto all = tracking::list_schedules(*db_);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].spec.name, "daily");
  EXPECT_EQ((*all)[0].spec.cron, "0 3 * * *");
  EXPECT_EQ((*all)[1].spec.args, (std::vector<std::string>{"--slug", "a-book"}));
  EXPECT_EQ((*all)[1].spec.priority, 2);
  EXPECT_TRUE((*all)[1].last_slot_at.has_value()) << "a new schedule starts after its latest past slot";
  auto duplicate = tracking::add_schedule(*db_, spec("hourly"));
  EXPECT_EQ(duplicate.error().kind, ErrorKind::invalid_argument);
  auto bad_cron = tracking::add_schedule(*db_, spec("bad", "61 * * * *"));
  EXPECT_EQ(bad_cron.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(bad_cron.error().message.find("invalid cron expression"), std::string::npos);
  EXPECT_EQ(tracking::add_schedule(*db_, spec("")).error().kind, ErrorKind::invalid_argument);
  ASSERT_TRUE(tracking::remove_schedule(*db_, "hourly").ok());
  EXPECT_EQ(tracking::remove_schedule(*db_, "hourly").error().kind, ErrorKind::not_found);
  EXPECT_EQ(tracking::list_schedules(*db_)->size(), 1u);
}

TEST_F(Schedules, ThreeCallersForOneSlotMakeOneJobAndALaterSlotOneMore) {
  ASSERT_TRUE(tracking::add_schedule(*db_, spec("hourly")).ok());
  const WallTime base = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now()) + 24h;
  auto run_callers = [&](WallTime slot) {
    std::mutex mutex;
    std::vector<tracking::ScheduledJob> created;
    std::vector<std::thread> callers;
    for (int i = 0; i < 3; ++i) {
      callers.emplace_back([&] {
        auto db = open();
        if (!db) return;
        auto got = tracking::enqueue_due_slots(*db, slot, [&](const tracking::Schedule&) { return slot; });
        std::lock_guard lock(mutex);
        if (got) created.insert(created.end(), got->begin(), got->end());
      });
    }
    for (auto& t : callers) t.join();
    return created;
  };
  auto first = run_callers(base);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(jobs(), "1");
  const auto input = Json::parse(*column(first[0].job_id, "input"));
  EXPECT_EQ(input["schedule"], "hourly");
  EXPECT_EQ(input["program"], "readnovel-api");
  EXPECT_EQ(input["args"], Json::array({"--slug", "a-book"}));
  EXPECT_TRUE(input["slot"].is_string());
  EXPECT_TRUE(is_true(first[0].job_id, "priority = 2 AND max_attempts = 3 AND status = 'queued'"));
  EXPECT_TRUE(run_callers(base).empty()) << "the same slot again";
  EXPECT_TRUE(run_callers(base - 1h).empty()) << "an older slot";
  EXPECT_EQ(run_callers(base + 1h).size(), 1u);
  EXPECT_EQ(jobs(), "2");
}

TEST_F(Schedules, AScheduleKeepsItsSourceAndEveryJobItEnqueuesRecordsIt) {
  const auto source = *sql_->scalar(
      "INSERT INTO sources (name, domain) VALUES ('S', 's.example') RETURNING id::text");
  auto with_source = spec("paced");
  with_source.source_id = source;
  ASSERT_TRUE(tracking::add_schedule(*db_, with_source).ok());
  ASSERT_TRUE(tracking::add_schedule(*db_, spec("plain")).ok());
  auto all = tracking::list_schedules(*db_);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ((*all)[0].spec.source_id, source);
  EXPECT_FALSE((*all)[1].spec.source_id.has_value());
  EXPECT_TRUE((*all)[0].next_slot_at.has_value());
  const WallTime slot = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now()) + 24h;
  auto created = tracking::enqueue_due_slots(*db_, slot, [&](const tracking::Schedule&) { return slot; });
  ASSERT_TRUE(created.ok()) << created.error().describe();
  ASSERT_EQ(created->size(), 2u);
  EXPECT_EQ(column((*created)[0].job_id, "source_id"), source);
  EXPECT_EQ(column((*created)[1].job_id, "source_id"), std::nullopt);
  auto bad = spec("bad-source");
  bad.source_id = "not-a-uuid";
  EXPECT_EQ(tracking::add_schedule(*db_, bad).error().kind, ErrorKind::invalid_argument);
  sql_->exec("DELETE FROM sources");
  EXPECT_FALSE(tracking::list_schedules(*db_)->front().spec.source_id.has_value()) << "ON DELETE SET NULL";
}

TEST_F(Schedules, TheCronDecidesTheSlotAndOnlyTheLatestMissedSlotRuns) {
  ASSERT_TRUE(tracking::add_schedule(*db_, spec("every-minute", "* * * * *")).ok());
  const auto now = std::chrono::system_clock::now();
  EXPECT_TRUE(tracking::enqueue_due_slots(*db_, now)->empty()) << "the current slot is already past";
  auto later = tracking::enqueue_due_slots(*db_, now + 10min);
  ASSERT_EQ(later->size(), 1u) << "ten missed minutes make one job";
  EXPECT_EQ((*later)[0].slot, std::chrono::floor<std::chrono::minutes>(now + 10min));
  EXPECT_EQ(jobs(), "1");
}

TEST_F(Schedules, HostSlotsAreSpacedAcrossConnections) {
  constexpr auto kInterval = 150ms;
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> slots;
  std::vector<std::thread> callers;
  for (int i = 0; i < 2; ++i) {
    callers.emplace_back([&] {
      auto db = open();
      for (int n = 0; n < 3 && db; ++n) {
        const auto asked = std::chrono::steady_clock::now();
        auto wait = tracking::reserve_host_slot(*db, "WWW.Example.com:8443", kInterval);
        ASSERT_TRUE(wait.ok()) << wait.error().describe();
        std::lock_guard lock(mutex);
        slots.push_back(asked + *wait);
      }
    });
  }
  for (auto& t : callers) t.join();
  ASSERT_EQ(slots.size(), 6u);
  std::sort(slots.begin(), slots.end());
  for (std::size_t i = 1; i < slots.size(); ++i) {
    EXPECT_GE(slots[i] - slots[i - 1], kInterval - 30ms) << i;
  }
  EXPECT_EQ(sql_->scalar("SELECT host FROM host_pacing"), "www.example.com");
  EXPECT_EQ(tracking::reserve_host_slot(*db_, "", kInterval).error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(*tracking::reserve_host_slot(*db_, "other.example", kInterval), 0ms);
}

TEST_F(Schedules, SourcesMatchTheirHostAndParentDomains) {
  sql_->exec(
      "INSERT INTO sources (name, domain, rate_limit_rpm, status) VALUES "
      "('Example', 'example.com', 30, 'active'), ('Other', 'www.Other.org', 120, 'paused'), "
      "('Sub', 'api.example.com', 10, 'active')");
  auto rule = tracking::source_for_host(*db_, "WWW.Example.com:8443");
  ASSERT_TRUE(rule.ok()) << rule.error().describe();
  ASSERT_TRUE(rule->has_value());
  EXPECT_EQ((*rule)->name, "Example");
  EXPECT_EQ((*rule)->rate_limit_rpm, 30);
  EXPECT_EQ((*rule)->interval(), 2000ms);
  EXPECT_FALSE((*rule)->paused);
  auto looked_up = tracking::source_for_host(*db_, "sub.other.org", tracking::SourceUse::looking_up);
  ASSERT_TRUE(looked_up.ok() && looked_up->has_value());
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM sources WHERE last_run_at IS NOT NULL"), "1")
      << "only a lookup for a request marks the source as run";
  EXPECT_EQ((*tracking::source_for_host(*db_, "cdn.example.com"))->name, "Example");
  EXPECT_EQ((*tracking::source_for_host(*db_, "v1.api.example.com"))->name, "Sub") << "the longest domain";
  EXPECT_FALSE(tracking::source_for_host(*db_, "badexample.com")->has_value());
  auto other = tracking::source_for_host(*db_, "other.org");
  ASSERT_TRUE(other->has_value());
  EXPECT_TRUE((*other)->paused);
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM sources WHERE last_run_at IS NOT NULL"), "3");
}

}  // namespace
}  // namespace scrapers::testing
