#include "tracking/migrations.hpp"

#include <set>

#include "common/util/log.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

// pg_advisory_lock key shared by every migrate run ("scrapers" in ASCII, as a bigint).
constexpr long long kMigrationLockKey = 0x7363726170657273LL;

// Holds the session-level advisory lock for its lifetime.
class AdvisoryLock {
 public:
  explicit AdvisoryLock(pqxx::connection_base& conn) : conn_(conn) {
    pqxx::nontransaction tx(conn_);
    tx.exec_params("SELECT pg_advisory_lock($1)", kMigrationLockKey);
  }
  ~AdvisoryLock() {
    try {
      pqxx::nontransaction tx(conn_);
      tx.exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
    } catch (...) {
      // A broken connection releases the lock with the session.
    }
  }
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

 private:
  pqxx::connection_base& conn_;
};

constexpr const char* kCreateBookkeeping =
    "CREATE TABLE IF NOT EXISTS scraper_schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";

std::set<int> applied_versions(pqxx::connection_base& conn) {
  pqxx::work tx(conn);
  tx.exec(kCreateBookkeeping);
  std::set<int> versions;
  for (const auto& row : tx.exec("SELECT version FROM scraper_schema_migrations")) {
    versions.insert(row[0].as<int>());
  }
  tx.commit();
  return versions;
}

void apply(pqxx::connection_base& conn, const Migration& m) {
  pqxx::work tx(conn);
  tx.exec(std::string(m.sql));
  tx.exec_params("INSERT INTO scraper_schema_migrations (version, name) VALUES ($1, $2)", m.version,
                 std::string(m.name));
  tx.commit();
}

}  // namespace

Result<MigrationReport> migrate(Database& db) {
  MigrationReport report;
  const Migration* current = nullptr;
  try {
    AdvisoryLock lock(db.connection());
    const auto done = applied_versions(db.connection());
    for (const auto& m : migrations()) {
      if (done.count(m.version) != 0) continue;
      current = &m;
      apply(db.connection(), m);
      log::debug("migration " + std::to_string(m.version) + " (" + std::string(m.name) + ") applied");
      report.applied.push_back({m.version, std::string(m.name)});
    }
    current = nullptr;
  } catch (const std::exception& e) {
    const std::string doing = current != nullptr ? "applying migration " + std::to_string(current->version) +
                                                       " (" + std::string(current->name) + ")"
                                                 : std::string("preparing migrations");
    return db.to_error(e, doing);
  }
  auto version = schema_version(db);
  if (!version) return std::move(version).error();
  report.schema_version = *version;
  return report;
}

Result<int> schema_version(Database& db) {
  return detail::in_transaction(db, "reading the schema version", [](pqxx::work& tx) {
    auto exists = tx.exec("SELECT to_regclass('scraper_schema_migrations') IS NOT NULL");
    if (!exists[0][0].as<bool>()) return 0;
    return tx.exec("SELECT coalesce(max(version), 0) FROM scraper_schema_migrations")[0][0].as<int>();
  });
}

}  // namespace scrapers::tracking
