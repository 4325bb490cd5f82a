// Versioned, additive-only schema migrations embedded in the binary.
//
// The SQL lives in tracking/migrations/NNNN_name.sql (embedded at build time). migrate()
// takes a PostgreSQL advisory lock (so concurrent migrate runs queue up instead of
// racing), creates scraper_schema_migrations(version, name, applied_at) if needed,
// and applies each pending migration in version order, each in its own transaction
// together with its bookkeeping row. Applying twice changes nothing. Migrations only
// add (IF NOT EXISTS tables, columns, indexes), so they apply cleanly over existing
// existing Supabase tables without touching their rows or defaults.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"
#include "tracking/database.hpp"

namespace scrapers::tracking {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every embedded migration, in ascending version order.
const std::vector<Migration>& migrations();

struct AppliedMigration {
  int version = 0;
  std::string name;
};

struct MigrationReport {
  std::vector<AppliedMigration> applied;  // applied by this call, in order
  int schema_version = 0;                 // highest applied version afterwards
};

Result<MigrationReport> migrate(Database& db);

// Highest applied version; 0 when the bookkeeping table does not exist yet.
Result<int> schema_version(Database& db);

}  // namespace scrapers::tracking
