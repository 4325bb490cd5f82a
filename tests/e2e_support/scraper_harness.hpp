// ScraperHarness: everything an end-to-end test of a scraper program needs.
//
// Construction creates a fresh database (TestDatabase) and applies the migrations,
// starts the fixture server on 127.0.0.1 over the repository's fixtures/ directory
// (with the named site emulators), and makes an empty temporary asset directory.
// run()/start() launch a built program from <build>/bin with an environment that
// points every site base URL at the fixture server, DATABASE_URL at the database and
// ASSET_DIR at the temporary directory; R2 variables, HTTP_REPLAY_DIR/RECORD_DIR and
// any .env are kept out, retries are fast and heartbeats frequent. Tests then check
// the rows (db()), the blobs (asset_dir()) and the requests (server().requests()).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tests/fixture_server/fixture_server.hpp"
#include "tests/support/process.hpp"
#include "tests/support/test_database.hpp"

namespace scrapers::testing {

class ScraperHarness {
 public:
  explicit ScraperHarness(std::vector<std::string> emulators = {});
  ~ScraperHarness();
  ScraperHarness(const ScraperHarness&) = delete;
  ScraperHarness& operator=(const ScraperHarness&) = delete;

  TestDatabase& db() { return *database_; }
  FixtureServer& server() { return *server_; }
  const std::filesystem::path& asset_dir() const { return asset_dir_; }

  // The environment given to programs; `extra` entries override it.
  ProcessOptions options(const std::vector<std::pair<std::string, std::string>>& extra = {}) const;
  ProcessResult run(const std::string& program, const std::vector<std::string>& args,
                    const std::vector<std::pair<std::string, std::string>>& extra_env = {}) const;
  RunningProcess start(const std::string& program, const std::vector<std::string>& args,
                       const std::vector<std::pair<std::string, std::string>>& extra_env = {}) const;

  // Inserts a work and returns its id.
  std::string create_work(const std::string& title = "Test Work");
  // The most recent pipeline_jobs row as JSON text columns: status, attempt, error,
  // input, output, work_id, edition_id, started_at, finished_at (SQL NULL → nullopt).
  std::vector<SqlValue> last_job();
  std::size_t job_count();

 private:
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<FixtureServer> server_;
  std::filesystem::path asset_dir_;
};

// Absolute path of the repository's fixtures directory.
std::filesystem::path fixtures_dir();

}  // namespace scrapers::testing

// Skips the test (with the reason) when PostgreSQL is not available.
#define SCRAPERS_REQUIRE_E2E() SCRAPERS_REQUIRE_DATABASE()
