// Migrations on a fresh database, twice, concurrently, and over an existing production
// Supabase-style schema (uuid_generate_v4() defaults, rows already present), also one
// whose tables lack the unique constraints the upserts need (with and without rows
// that would break them).
#include "tracking/migrations.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/catalog.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::testing {
namespace {

class Migrations : public TrackingTest {
 public:
  Migrations() { migrated_ = false; }

 protected:
  SqlValue column_default(const std::string& table, const std::string& column) const {
    return sql_->scalar(
        "SELECT column_default FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2",
        {table, column});
  }
  std::string count(const std::string& table) const {
    return sql_->scalar("SELECT count(*) FROM " + table).value_or("?");
  }
  void expect_rejected(const std::string& statement) const {
    EXPECT_THROW(sql_->exec(statement), std::runtime_error) << statement;
  }
};

const char* const kTables[] = {"sources",        "works",         "editions",      "segments",   "assets",
                               "segment_assets", "pipeline_jobs", "job_schedules", "host_pacing"};

TEST(EmbeddedMigrations, AreInStrictlyAscendingVersionOrderWithNamesAndSql) {
  const auto& all = tracking::migrations();
  ASSERT_GE(all.size(), 2u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(all[i].name.empty());
    EXPECT_NE(all[i].sql.find("IF NOT EXISTS"), std::string_view::npos);
    EXPECT_EQ(all[i].sql.find("DROP "), std::string_view::npos) << "additive only";
  }
}

TEST_F(Migrations, AFreshDatabaseGetsEveryTableAndTheLatestVersion) {
  auto report = tracking::migrate(*db_);
  ASSERT_TRUE(report.ok()) << report.error().describe();
  EXPECT_EQ(report->applied.size(), tracking::migrations().size());
  EXPECT_EQ(report->schema_version, tracking::migrations().back().version);
  for (const char* table : kTables) {
    EXPECT_EQ(sql_->scalar("SELECT to_regclass($1) IS NOT NULL", {table}), "t") << table;
  }
  EXPECT_EQ(count("scraper_schema_migrations"), std::to_string(tracking::migrations().size()));
  EXPECT_EQ(column_default("pipeline_jobs", "id"), "gen_random_uuid()");
  EXPECT_EQ(column_default("pipeline_jobs", "status"), "'queued'::text");
  EXPECT_EQ(column_default("pipeline_jobs", "attempt"), "0");
  EXPECT_EQ(column_default("pipeline_jobs", "input"), "'{}'::jsonb");
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM pg_extension WHERE extname = 'uuid-ossp'"), "0");
  EXPECT_EQ(tracking::schema_version(*db_).value(), report->schema_version);
}

TEST_F(Migrations, PipelineJobsRejectsJobTypesAndStatusesOutsideItsCheckLists) {
  ASSERT_TRUE(tracking::migrate(*db_).ok());
  expect_rejected("INSERT INTO pipeline_jobs (job_type) VALUES ('crawl')");
  expect_rejected("INSERT INTO pipeline_jobs (job_type, status) VALUES ('scrape', 'done')");
  for (const char* type : {"scrape", "clean", "summarize", "entities", "embed", "match", "sync_assets"}) {
    EXPECT_NO_THROW(sql_->query("INSERT INTO pipeline_jobs (job_type) VALUES ($1)", {type})) << type;
  }
}

TEST_F(Migrations, TheMonitoringIndexesExist) {
  ASSERT_TRUE(tracking::migrate(*db_).ok());
  for (const char* index :
       {"pipeline_jobs_status_started_at_idx", "pipeline_jobs_status_finished_at_idx",
        "pipeline_jobs_type_script_status_idx", "pipeline_jobs_running_liveness_idx",
        "pipeline_jobs_unique_key_active_idx", "pipeline_jobs_claim_idx", "pipeline_jobs_depends_on_idx"}) {
    EXPECT_EQ(sql_->scalar("SELECT to_regclass($1) IS NOT NULL", {index}), "t") << index;
  }
}

TEST_F(Migrations, ApplyingTwiceChangesNothing) {
  ASSERT_TRUE(tracking::migrate(*db_).ok());
  const auto before = sql_->query(
      "SELECT version, name, applied_at::text FROM scraper_schema_migrations ORDER BY version");
  auto second = tracking::migrate(*db_);
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->schema_version, tracking::migrations().back().version);
  EXPECT_EQ(sql_->query("SELECT version, name, applied_at::text FROM scraper_schema_migrations ORDER BY version"),
            before);
}

TEST_F(Migrations, ConcurrentRunsApplyEachMigrationExactlyOnce) {
  constexpr int kRunners = 4;
  std::atomic<int> applied{0}, failures{0};
  std::vector<std::thread> runners;
  for (int i = 0; i < kRunners; ++i) {
    runners.emplace_back([&] {
      auto db = tracking::Database::open(sql_->conninfo());
      if (!db) return void(++failures);
      auto report = tracking::migrate(*db);
      if (!report) return void(++failures);
      applied += static_cast<int>(report->applied.size());
    });
  }
  for (auto& t : runners) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), static_cast<int>(tracking::migrations().size()));
  EXPECT_EQ(count("scraper_schema_migrations"), std::to_string(tracking::migrations().size()));
}

// An existing Supabase project: the same tables created earlier with uuid-ossp defaults.
constexpr const char* kSupabaseSchema = R"sql(
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE sources (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(), name TEXT NOT NULL,
  domain TEXT, media_type TEXT CHECK (media_type IN ('novel','manhwa','anime')),
  status TEXT DEFAULT 'active' CHECK (status IN ('active','paused')),
  rate_limit_rpm INT DEFAULT 60, last_run_at TIMESTAMPTZ);
CREATE TABLE works (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(), title TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE editions (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  work_id UUID REFERENCES works(id) ON DELETE CASCADE, media_type TEXT, provider TEXT,
  canonical_url TEXT, is_official BOOLEAN DEFAULT FALSE, created_at TIMESTAMPTZ DEFAULT NOW());
CREATE TABLE segments (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  edition_id UUID REFERENCES editions(id) ON DELETE CASCADE, segment_type TEXT, number NUMERIC,
  title TEXT, canonical_url TEXT, created_at TIMESTAMPTZ DEFAULT NOW(),
  UNIQUE (edition_id, segment_type, number));
CREATE TABLE assets (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  provider TEXT DEFAULT 'cloudflare_r2', bucket TEXT, r2_key TEXT UNIQUE, asset_type TEXT,
  content_type TEXT, bytes BIGINT, sha256 TEXT, upload_source TEXT, created_at TIMESTAMPTZ DEFAULT NOW());
CREATE TABLE segment_assets (segment_id UUID REFERENCES segments(id), asset_id UUID REFERENCES assets(id),
  role TEXT, created_at TIMESTAMPTZ DEFAULT NOW(), PRIMARY KEY (segment_id, asset_id));
CREATE TABLE pipeline_jobs (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  job_type TEXT NOT NULL CHECK (job_type IN ('scrape', 'clean', 'summarize', 'entities', 'embed', 'match', 'sync_assets')),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'success', 'failed')),
  source_id UUID REFERENCES sources(id) ON DELETE SET NULL,
  work_id UUID REFERENCES works(id) ON DELETE SET NULL,
  edition_id UUID REFERENCES editions(id) ON DELETE SET NULL,
  segment_id UUID REFERENCES segments(id) ON DELETE SET NULL,
  input JSONB NOT NULL DEFAULT '{}', output JSONB, attempt INTEGER NOT NULL DEFAULT 0, error TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ);
INSERT INTO works (id, title) VALUES ('11111111-1111-4111-8111-111111111111', 'Existing Work');
INSERT INTO editions (id, work_id, provider) VALUES
  ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'readnovel');
INSERT INTO segments (edition_id, segment_type, number, title) VALUES
  ('22222222-2222-4222-8222-222222222222', 'chapter', 1, 'Chapter 1'),
  ('22222222-2222-4222-8222-222222222222', 'chapter', 2, 'Chapter 2');
INSERT INTO pipeline_jobs (id, job_type, status, work_id, input, attempt, started_at, finished_at, output)
VALUES ('33333333-3333-4333-8333-333333333333', 'scrape', 'success',
  '11111111-1111-4111-8111-111111111111', '{"scriptType": "scrape-readnovel-api"}', 1,
  '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', '{"total": 2, "success": 2, "failed": 0}');
)sql";

TEST_F(Migrations, AnExistingSupabaseSchemaKeepsItsRowsDefaultsAndChecks) {
  sql_->exec(kSupabaseSchema);
  const auto jobs_before = sql_->query("SELECT * FROM pipeline_jobs ORDER BY id");
  const auto segments_before = sql_->query("SELECT * FROM segments ORDER BY number");
  auto report = tracking::migrate(*db_);
  ASSERT_TRUE(report.ok()) << report.error().describe();
  EXPECT_EQ(report->schema_version, tracking::migrations().back().version);
  // Rows untouched: the liveness and queue columns are appended, NULL or their defaults.
  auto jobs_after = sql_->query("SELECT * FROM pipeline_jobs ORDER BY id");
  ASSERT_EQ(jobs_after.size(), 1u);
  ASSERT_EQ(jobs_after[0].size(), jobs_before[0].size() + 10);
  EXPECT_EQ(SqlRow(jobs_after[0].begin(), jobs_after[0].begin() + static_cast<long>(jobs_before[0].size())),
            jobs_before[0]);
  EXPECT_EQ(sql_->query("SELECT heartbeat_at, worker, priority, run_at, max_attempts, unique_key, depends_on, "
                        "errors, progress, cancel_requested_at FROM pipeline_jobs"),
            (std::vector<SqlRow>{{std::nullopt, std::nullopt, "0", std::nullopt, std::nullopt, std::nullopt, "{}",
                                  "[]", std::nullopt, std::nullopt}}));
  EXPECT_EQ(sql_->query("SELECT * FROM segments ORDER BY number"), segments_before);
  EXPECT_EQ(count("works"), "1");
  // Defaults and checks as they were.
  EXPECT_EQ(column_default("pipeline_jobs", "id"), "uuid_generate_v4()");
  EXPECT_EQ(column_default("works", "id"), "uuid_generate_v4()");
  expect_rejected("INSERT INTO pipeline_jobs (job_type) VALUES ('crawl')");
  expect_rejected("INSERT INTO pipeline_jobs (job_type, status) VALUES ('scrape', 'done')");
  // And the jobs API works on it.
  auto id = tracking::create_job(*db_, tracking::JobType::scrape, {{"scriptType", "x"}});
  ASSERT_TRUE(id.ok()) << id.error().describe();
  EXPECT_EQ(tracking::update_job_status(*db_, *id, tracking::JobStatus::running).value(), 1);
  // Migrating again is still a no-op.
  EXPECT_TRUE(tracking::migrate(*db_)->applied.empty());
}

TEST_F(Migrations, NoNoticesReachStderrWhenObjectsAlreadyExist) {
  sql_->exec(kSupabaseSchema);
  ::testing::internal::CaptureStderr();
  auto report = tracking::migrate(*db_);
  const std::string err = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(err.find("NOTICE"), std::string::npos) << err;
  EXPECT_EQ(err.find("already exists"), std::string::npos) << err;
}

// `schema` with `from` replaced by `to` (which must occur).
std::string with_replaced(std::string schema, const std::string& from, const std::string& to) {
  const auto at = schema.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) schema.replace(at, from.size(), to);
  return schema;
}

// The Supabase schema as some projects have it: no unique constraint on segments,
// assets.r2_key or segment_assets.
std::string schema_without_unique_constraints() {
  std::string schema = with_replaced(kSupabaseSchema, ",\n  UNIQUE (edition_id, segment_type, number));", ");");
  schema = with_replaced(schema, "r2_key TEXT UNIQUE", "r2_key TEXT");
  return with_replaced(schema, ", PRIMARY KEY (segment_id, asset_id));", ");");
}

// Every ON CONFLICT target of the suite, as a statement that needs it.
const char* const kConflictStatements[] = {
    "INSERT INTO works (id, title) VALUES ('11111111-1111-4111-8111-111111111111', 'x') ON CONFLICT (id) DO "
    "NOTHING",
    "INSERT INTO segments (edition_id, segment_type, number) VALUES "
    "('22222222-2222-4222-8222-222222222222', 'chapter', 1) ON CONFLICT (edition_id, segment_type, number) DO "
    "NOTHING",
    "INSERT INTO assets (r2_key) VALUES ('k') ON CONFLICT (r2_key) DO NOTHING",
    "INSERT INTO segment_assets (segment_id, asset_id) SELECT s.id, a.id FROM segments s, assets a "
    "LIMIT 1 ON CONFLICT (segment_id, asset_id) DO NOTHING",
    "INSERT INTO job_schedules (name, cron, program) VALUES ('s', '* * * * *', 'p') ON CONFLICT (name) DO NOTHING",
    "INSERT INTO host_pacing (host, next_allowed_at) VALUES ('h', now()) ON CONFLICT (host) DO NOTHING"};

std::string unique_index_count(const TestDatabase& sql) {
  return sql
      .scalar(
          "SELECT count(*) FROM pg_index WHERE indisunique AND indrelid IN "
          "('segments'::regclass, 'assets'::regclass, 'segment_assets'::regclass)")
      .value_or("?");
}

TEST_F(Migrations, TablesWithoutTheUniqueConstraintsGetThemAndUpsertsWork) {
  sql_->exec(schema_without_unique_constraints());
  for (std::size_t i = 1; i <= 3; ++i) {      // segments, assets, segment_assets
    expect_rejected(kConflictStatements[i]);  // what every run met before: no constraint to infer
  }
  auto report = tracking::migrate(*db_);
  ASSERT_TRUE(report.ok()) << report.error().describe();
  EXPECT_EQ(report->schema_version, tracking::migrations().back().version);
  for (const char* statement : kConflictStatements) {
    EXPECT_NO_THROW(sql_->exec(statement)) << statement;
  }
  // A run's upserts, through the catalog: the second one updates instead of duplicating.
  const std::string edition = "22222222-2222-4222-8222-222222222222";
  std::vector<tracking::SegmentInput> chapters{{"3", "Chapter 3", "https://example.com/3"}};
  auto first = tracking::upsert_segments(*db_, edition, "chapter", chapters);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->inserted, 1);
  chapters[0].canonical_url = "https://example.com/3b";
  auto second = tracking::upsert_segments(*db_, edition, "chapter", chapters);
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_EQ(second->updated, 1);
  EXPECT_EQ(count("segments WHERE number = 3"), "1");
  EXPECT_TRUE(tracking::migrate(*db_)->applied.empty()) << "migrating again changes nothing";
}

TEST_F(Migrations, DuplicatesThatWouldBreakAConstraintStopTheMigrationNamingThemAndChangeNothing) {
  sql_->exec(schema_without_unique_constraints());
  sql_->exec(
      "INSERT INTO segments (edition_id, segment_type, number, title) VALUES "
      "('22222222-2222-4222-8222-222222222222', 'chapter', 2, 'Chapter 2 again');"
      "INSERT INTO assets (r2_key) VALUES ('novel/a.html'), ('novel/a.html'), ('novel/b.html'), (NULL), (NULL);");
  const std::string indexes_before = unique_index_count(*sql_);
  auto report = tracking::migrate(*db_);
  ASSERT_FALSE(report.ok()) << "duplicates must stop the migration";
  const std::string message = report.error().describe();
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_NE(message.find("segments (edition_id, segment_type, number): "
                         "(22222222-2222-4222-8222-222222222222, chapter, 2) x2"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("assets (r2_key): (novel/a.html) x2"), std::string::npos) << message;
  EXPECT_EQ(message.find("segment_assets"), std::string::npos) << "no duplicates there: " << message;
  EXPECT_EQ(message.find("b.html"), std::string::npos) << "NULLs and single rows are no duplicates: " << message;
  EXPECT_EQ(unique_index_count(*sql_), indexes_before)
      << "no index added, not even where there were no duplicates";
  EXPECT_EQ(count("scraper_schema_migrations WHERE name = 'conflict_targets'"), "0");
  EXPECT_EQ(count("segments"), "3");
  EXPECT_EQ(count("assets"), "5");
  // Once the duplicates are gone, migrating again adds the constraints.
  sql_->exec(
      "DELETE FROM segments WHERE title = 'Chapter 2 again'; DELETE FROM assets WHERE r2_key = 'novel/a.html'");
  auto again = tracking::migrate(*db_);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  for (const char* statement : kConflictStatements) {
    EXPECT_NO_THROW(sql_->exec(statement)) << statement;
  }
}

}  // namespace
}  // namespace scrapers::testing
