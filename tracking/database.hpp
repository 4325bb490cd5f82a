// A connection to the PostgreSQL database that holds the catalog and pipeline_jobs.
//
// Database::open() accepts what libpq accepts: a URI (postgresql://user:pw@host:5432/db
// ?sslmode=require, as Supabase gives it) or a keyword=value conninfo string. It adds a
// 10 s connect timeout unless the URL sets one, and silences server NOTICEs (they go to
// the debug log instead of stderr). Guarantees: no message this module produces contains
// the password — describe_target() omits it and every libpq/libpqxx message is scrubbed
// of it — and failures are one-line Errors (kind invalid_argument for a missing or
// malformed URL, database for an unreachable server) naming host and port.
// connect_from_env() loads .env first (the real environment wins), then DATABASE_URL.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace pqxx {
class connection_base;
}

namespace scrapers::tracking {

class Database {
 public:
  static Result<Database> open(const std::string& url);
  // A second, independent connection to the same database (e.g. for a heartbeat thread).
  Result<Database> open_another() const;

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // "user@host:port/dbname": safe to log.
  const std::string& target() const;
  // Removes the password (raw and percent-encoded forms) from any text.
  std::string scrub(std::string text) const;
  // A one-line, password-free Error for any exception: the carried Error of an
  // ErrorException, kind database for libpqxx exceptions, internal otherwise. The
  // message is prefixed with "<doing>: " unless `doing` is empty.
  Error to_error(const std::exception& e, std::string_view doing) const;

  // The libpqxx connection, for code inside tracking/ only.
  pqxx::connection_base& connection();

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  // Opens the connection described by `impl` (conninfo, target, secrets to scrub).
  static Result<Database> connect(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Loads `dotenv_path` (missing file is fine), then opens DATABASE_URL.
Result<Database> connect_from_env(const std::string& dotenv_path = ".env");

// "user@host:port/dbname" for a URI or conninfo string, password omitted; a masked form
// of the input when it does not parse.
std::string describe_target(std::string_view url);

// The host a URI or conninfo string connects to when that is not this machine: nullopt
// for a Unix socket directory, localhost, 127.0.0.0/8 and ::1 (and for an unparsable URL).
std::optional<std::string> remote_database_host(std::string_view url);

// The one-line error for a missing DATABASE_URL. With SUPABASE_URL set (the REST URL the
// original worker used), it names the connection string to use instead, with the
// db.<ref>.supabase.co host derived from it, and where the dashboard shows it.
std::string missing_database_url_message(const std::optional<std::string>& supabase_url);

// The first line of `text`, trimmed, with tabs and runs of spaces collapsed.
std::string one_line(std::string_view text);

}  // namespace scrapers::tracking
