#include "tests/support/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "common/text/ascii.hpp"

namespace scrapers::testing {
namespace {

struct ConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultCloser {
  void operator()(PGresult* r) const { PQclear(r); }
};
struct OptionsCloser {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnCloser>;
using ResultPtr = std::unique_ptr<PGresult, ResultCloser>;

void ignore_notice(void*, const char*) {}

ConnPtr open(const std::string& conninfo) {
  ConnPtr conn(PQconnectdb(conninfo.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
    std::string message = conn ? PQerrorMessage(conn.get()) : "out of memory";
    throw std::runtime_error("test database: cannot connect: " + message);
  }
  PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
  return conn;
}

void check(PGconn* conn, const ResultPtr& result, const std::string& sql) {
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  std::string message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn);
  throw std::runtime_error("test database: " + message + " in: " + sql.substr(0, 200));
}

std::string quote_conninfo_value(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Rebuilds `admin` (URI or keyword=value) with dbname replaced.
std::string with_dbname(const std::string& admin, const std::string& dbname) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, OptionsCloser> options(PQconninfoParse(admin.c_str(), &error));
  if (!options) {
    std::string message = error ? error : "unparsable";
    PQfreemem(error);
    throw std::runtime_error("TEST_DATABASE_ADMIN_URL: " + message);
  }
  std::string out;
  for (auto* o = options.get(); o->keyword != nullptr; ++o) {
    if (std::string_view(o->keyword) == "dbname" || o->val == nullptr) continue;
    out += std::string(o->keyword) + "=" + quote_conninfo_value(o->val) + " ";
  }
  return out + "dbname=" + quote_conninfo_value(dbname);
}

std::string unique_name(std::string_view hint) {
  static std::atomic<int> counter{0};
  std::string clean;
  for (char c : hint) {
    if (clean.size() >= 20) break;
    clean += std::isalnum(static_cast<unsigned char>(c)) ? text::ascii_lower(c) : '_';
  }
  std::random_device device;
  const auto random = std::uniform_int_distribution<unsigned>(0, 0xffffff)(device);
  return "scrapers_test_" + clean + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random);
}

}  // namespace

struct TestDatabase::Connection {
  ConnPtr conn;
};

std::optional<std::string> admin_url() {
  const char* value = std::getenv("TEST_DATABASE_ADMIN_URL");
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

TestDatabase::TestDatabase(std::string_view name_hint) : name_(unique_name(name_hint)) {
  auto admin = admin_url();
  if (!admin) throw std::runtime_error("TEST_DATABASE_ADMIN_URL is not set");
  admin_conninfo_ = *admin;
  auto conn = open(admin_conninfo_);
  const std::string sql = "CREATE DATABASE \"" + name_ + "\"";
  check(conn.get(), ResultPtr(PQexec(conn.get(), sql.c_str())), sql);
  conninfo_ = with_dbname(admin_conninfo_, name_);
}

TestDatabase::~TestDatabase() {
  connection_.reset();
  try {
    auto conn = open(admin_conninfo_);
    const std::string sql = "DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)";
    ResultPtr(PQexec(conn.get(), sql.c_str()));
  } catch (...) {
    // Best effort: a server that went away takes its databases with it.
  }
}

TestDatabase::Connection& TestDatabase::connection() const {
  if (!connection_) connection_ = std::make_unique<Connection>(Connection{open(conninfo_)});
  return *connection_;
}

void TestDatabase::exec(const std::string& sql) const {
  PGconn* conn = connection().conn.get();
  check(conn, ResultPtr(PQexec(conn, sql.c_str())), sql);
}

std::vector<SqlRow> TestDatabase::query(const std::string& sql, const std::vector<SqlValue>& params) const {
  PGconn* conn = connection().conn.get();
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  ResultPtr result(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                nullptr, nullptr, 0));
  check(conn, result, sql);
  std::vector<SqlRow> rows;
  const int n_rows = PQntuples(result.get());
  const int n_cols = PQnfields(result.get());
  for (int r = 0; r < n_rows; ++r) {
    SqlRow row;
    for (int c = 0; c < n_cols; ++c) {
      if (PQgetisnull(result.get(), r, c)) row.emplace_back(std::nullopt);
      else row.emplace_back(std::string(PQgetvalue(result.get(), r, c)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

SqlValue TestDatabase::scalar(const std::string& sql, const std::vector<SqlValue>& params) const {
  auto rows = query(sql, params);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

}  // namespace scrapers::testing
