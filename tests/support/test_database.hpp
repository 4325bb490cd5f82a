// A throwaway PostgreSQL database per test, on the server named by TEST_DATABASE_ADMIN_URL.
//
// TestDatabase creates a fresh, uniquely named database when constructed and drops it
// (WITH (FORCE), so lingering connections do not block) when destroyed. conninfo() is a
// libpq connection string for it, usable as DATABASE_URL. exec()/query() run SQL over a
// plain libpq connection so tests can seed and inspect rows without the code under test.
// Tests needing PostgreSQL start with SCRAPERS_REQUIRE_DATABASE(), which skips with the
// reason when TEST_DATABASE_ADMIN_URL is unset (scripts/test sets it).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scrapers::testing {

// The admin connection string from TEST_DATABASE_ADMIN_URL, if set and non-empty.
std::optional<std::string> admin_url();

using SqlValue = std::optional<std::string>;  // text form; nullopt is SQL NULL
using SqlRow = std::vector<SqlValue>;

class TestDatabase {
 public:
  // Throws std::runtime_error when the admin URL is unset or the server refuses.
  explicit TestDatabase(std::string_view name_hint = "t");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // libpq keyword=value string for this database (also a valid DATABASE_URL).
  const std::string& conninfo() const { return conninfo_; }

  // Runs one or more statements; throws std::runtime_error with the server's message.
  void exec(const std::string& sql) const;
  // Runs one parameterised statement ($1, $2, ...) and returns every row as text.
  std::vector<SqlRow> query(const std::string& sql, const std::vector<SqlValue>& params = {}) const;
  // First column of the first row (nullopt for NULL or no rows).
  SqlValue scalar(const std::string& sql, const std::vector<SqlValue>& params = {}) const;

 private:
  struct Connection;
  Connection& connection() const;

  std::string name_;
  std::string conninfo_;
  std::string admin_conninfo_;
  mutable std::unique_ptr<Connection> connection_;
};

}  // namespace scrapers::testing

#define SCRAPERS_REQUIRE_DATABASE()                                           \
  do {                                                                        \
    if (!::scrapers::testing::admin_url()) {                                  \
      GTEST_SKIP() << "needs PostgreSQL: TEST_DATABASE_ADMIN_URL is not set " \
                      "(run through scripts/test)";                           \
    }                                                                         \
  } while (false)
