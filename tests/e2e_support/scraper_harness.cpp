#include "tests/e2e_support/scraper_harness.hpp"

#include <stdexcept>

#include "tracking/database.hpp"
#include "tracking/migrations.hpp"

namespace scrapers::testing {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "scraper-assets.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace

std::filesystem::path fixtures_dir() { return std::filesystem::path(SCRAPERS_SOURCE_DIR) / "fixtures"; }

ScraperHarness::ScraperHarness(std::vector<std::string> emulators)
    : database_(std::make_unique<TestDatabase>("e2e")) {
  auto db = tracking::Database::open(database_->conninfo());
  if (!db) throw std::runtime_error(db.error().describe());
  auto migrated = tracking::migrate(db.value());
  if (!migrated) throw std::runtime_error(migrated.error().describe());

  FixtureServerOptions server_options;
  server_options.root = fixtures_dir();
  server_options.emulators = std::move(emulators);
  server_ = std::make_unique<FixtureServer>(server_options);
  if (auto started = server_->start(); !started) throw std::runtime_error(started.error().describe());
  asset_dir_ = make_temp_dir();
}

ScraperHarness::~ScraperHarness() {
  std::error_code ignored;
  std::filesystem::remove_all(asset_dir_, ignored);
}

ProcessOptions ScraperHarness::options(const std::vector<std::pair<std::string, std::string>>& extra) const {
  const std::string base = server_->base_url();
  ProcessOptions options;
  options.env = {
      {"DATABASE_URL", database_->conninfo()},
      {"ASSET_DIR", asset_dir_.string()},
      {"READNOVEL_API_BASE", base},
      {"READNOVEL_SITE_BASE", base},
      {"CHEREADS_BASE", base},
      {"OPENSUBTITLES_SITE_BASE", base},
      {"OPENSUBTITLES_BASE_URL", base + "/api/v1"},
      {"HTTP_MAX_ATTEMPTS", "3"},
      {"HTTP_RETRY_BASE_MS", "10"},
      {"HTTP_RETRY_MAX_WAIT_MS", "200"},
      {"HTTP_TIMEOUT_MS", "5000"},
      {"JOB_HEARTBEAT_INTERVAL", "200ms"},
      {"LOG_LEVEL", "info"},
  };
  options.unset_env = {"CLOUDFLARE_R2_ENDPOINT",
                       "CLOUDFLARE_R2_ACCESS_KEY_ID",
                       "CLOUDFLARE_R2_SECRET_ACCESS_KEY",
                       "CLOUDFLARE_R2_BUCKET",
                       "HTTP_REPLAY_DIR",
                       "HTTP_RECORD_DIR",
                       "USER_AGENT",
                       "OPENSUBTITLES_API_KEY",
                       "OPENSUBTITLES_USERNAME",
                       "OPENSUBTITLES_PASSWORD"};
  // A working directory without a .env file, so nothing leaks in from the checkout.
  options.working_directory = asset_dir_.string();
  for (const auto& [name, value] : extra) {
    bool replaced = false;
    for (auto& entry : options.env) {
      if (entry.first == name) {
        entry.second = value;
        replaced = true;
      }
    }
    if (!replaced) options.env.emplace_back(name, value);
    std::erase(options.unset_env, name);
  }
  return options;
}

ProcessResult ScraperHarness::run(const std::string& program, const std::vector<std::string>& args,
                                  const std::vector<std::pair<std::string, std::string>>& extra_env) const {
  return run_process(binary_path("bin/" + program), args, options(extra_env));
}

RunningProcess ScraperHarness::start(const std::string& program, const std::vector<std::string>& args,
                                     const std::vector<std::pair<std::string, std::string>>& extra_env) const {
  return start_process(binary_path("bin/" + program), args, options(extra_env));
}

std::string ScraperHarness::create_work(const std::string& title) {
  return database_->scalar("INSERT INTO works (title) VALUES ($1) RETURNING id", {title}).value();
}

std::vector<SqlValue> ScraperHarness::last_job() {
  auto rows = database_->query(
      "SELECT status, attempt::text, error, input::text, output::text, work_id::text,"
      " edition_id::text, started_at::text, finished_at::text"
      " FROM pipeline_jobs ORDER BY created_at DESC, id LIMIT 1");
  if (rows.empty()) return {};
  return rows.front();
}

std::size_t ScraperHarness::job_count() {
  return std::stoul(database_->scalar("SELECT count(*) FROM pipeline_jobs").value());
}

}  // namespace scrapers::testing
