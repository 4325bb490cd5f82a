#include "tracking/database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <pqxx/pqxx>
#include <vector>

#include "common/text/ascii.hpp"
#include "common/util/env.hpp"
#include "common/util/log.hpp"

namespace scrapers::tracking {
namespace {

using Options = std::map<std::string, std::string>;

struct OptionsFree {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

// Parses a URI or conninfo string; nullopt (with libpq's reason) when it does not parse.
std::optional<Options> parse_conninfo(const std::string& url, std::string* why) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, OptionsFree> parsed(PQconninfoParse(url.c_str(), &error));
  if (!parsed) {
    if (why != nullptr) *why = error != nullptr ? error : "unparsable connection string";
    PQfreemem(error);
    return std::nullopt;
  }
  Options options;
  for (auto* o = parsed.get(); o->keyword != nullptr; ++o) {
    if (o->val != nullptr) options[o->keyword] = o->val;
  }
  return options;
}

std::string option_or(const Options& options, const char* key, const char* env_name, std::string fallback) {
  if (auto it = options.find(key); it != options.end() && !it->second.empty()) return it->second;
  if (auto value = env::get(env_name)) return *value;
  return fallback;
}

std::string describe(const Options& options) {
  const std::string user = option_or(options, "user", "PGUSER", "");
  std::string host = option_or(options, "host", "PGHOST", "");
  if (host.empty()) host = option_or(options, "hostaddr", "PGHOSTADDR", "localhost");
  const std::string port = option_or(options, "port", "PGPORT", "5432");
  const std::string dbname = option_or(options, "dbname", "PGDATABASE", user);
  return (user.empty() ? "" : user + "@") + host + ":" + port + "/" + dbname;
}

// The password as written in a URI's user-info (possibly percent-encoded).
std::string raw_uri_password(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const auto start = scheme + 3;
  const auto at = url.find('@', start);
  const auto slash = url.find('/', start);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return {};
  const auto colon = url.find(':', start);
  if (colon == std::string::npos || colon > at) return {};
  return url.substr(colon + 1, at - colon - 1);
}

std::string quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string build_conninfo(Options options) {
  options.try_emplace("connect_timeout", "10");
  options.try_emplace("fallback_application_name", "scrapers");
  std::string out;
  for (const auto& [key, value] : options) {
    if (!out.empty()) out += ' ';
    out += key + "=" + quote(value);
  }
  return out;
}

// Server notices (e.g. "relation already exists, skipping") go to the debug log.
class NoticeToLog final : public pqxx::errorhandler {
 public:
  explicit NoticeToLog(pqxx::connection_base& conn) : pqxx::errorhandler(conn) {}
  bool operator()(const char message[]) noexcept override {
    try {
      log::debug("postgres: " + one_line(message));
    } catch (...) {
    }
    return false;
  }
};

std::string strip_severity(std::string line) {
  for (const char* prefix : {"ERROR:", "FATAL:", "PANIC:"}) {
    if (line.rfind(prefix, 0) == 0) return one_line(line.substr(std::string_view(prefix).size()));
  }
  return line;
}

}  // namespace

struct Database::Impl {
  std::string conninfo;
  std::string target;
  std::vector<std::string> secrets;
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<NoticeToLog> notices;  // declared after conn: unregistered first
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::string& url) {
  if (url.empty()) {
    return make_error(ErrorKind::invalid_argument, "the database URL is empty");
  }
  auto impl = std::make_unique<Impl>();
  if (auto raw = raw_uri_password(url); !raw.empty()) impl->secrets.push_back(raw);
  std::string why;
  auto options = parse_conninfo(url, &why);
  if (!options) {
    Database failed(std::move(impl));
    return make_error(ErrorKind::invalid_argument,
                      "the database URL is not a valid PostgreSQL connection string: " +
                          failed.scrub(one_line(why)));
  }
  if (auto it = options->find("password"); it != options->end() && !it->second.empty()) {
    impl->secrets.push_back(it->second);
  }
  impl->target = describe(*options);
  impl->conninfo = build_conninfo(*options);
  return connect(std::move(impl));
}

Result<Database> Database::connect(std::unique_ptr<Impl> impl) {
  Database db(std::move(impl));
  try {
    db.impl_->conn = std::make_unique<pqxx::connection>(db.impl_->conninfo);
    db.impl_->notices = std::make_unique<NoticeToLog>(*db.impl_->conn);
  } catch (const std::exception& e) {
    return make_error(ErrorKind::database, "cannot connect to PostgreSQL at " + db.target() + ": " +
                                               strip_severity(db.scrub(one_line(e.what()))));
  }
  return db;
}

Result<Database> Database::open_another() const {
  auto impl = std::make_unique<Impl>();
  impl->conninfo = impl_->conninfo;
  impl->target = impl_->target;
  impl->secrets = impl_->secrets;
  return connect(std::move(impl));
}

const std::string& Database::target() const { return impl_->target; }

std::string Database::scrub(std::string text) const {
  for (const auto& secret : impl_->secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

Error Database::to_error(const std::exception& e, std::string_view doing) const {
  if (const auto* carried = dynamic_cast<const ErrorException*>(&e)) {
    Error error = carried->error();
    error.message = scrub(std::move(error.message));
    error.context = scrub(std::move(error.context));
    return error;
  }
  std::string detail = strip_severity(scrub(one_line(e.what())));
  ErrorKind kind = ErrorKind::internal;
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    kind = ErrorKind::database;
    detail = "lost the connection to PostgreSQL at " + target() + ": " + detail;
  } else if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    kind = ErrorKind::database;
    // undefined_table / undefined_column: usually a database that was never migrated.
    if (sql->sqlstate() == "42P01" || sql->sqlstate() == "42703") {
      detail += " (is the schema up to date? run: pipeline-jobs migrate)";
    }
  } else if (dynamic_cast<const pqxx::pqxx_exception*>(&e) != nullptr) {
    kind = ErrorKind::database;
  }
  if (detail.empty()) detail = "unknown error";
  return make_error(kind, doing.empty() ? detail : std::string(doing) + ": " + detail);
}

pqxx::connection_base& Database::connection() { return *impl_->conn; }

Result<Database> connect_from_env(const std::string& dotenv_path) {
  env::load_dotenv(dotenv_path);
  auto url = env::get("DATABASE_URL");
  if (!url) return make_error(ErrorKind::invalid_argument, missing_database_url_message(env::get("SUPABASE_URL")));
  return Database::open(*url);
}

std::optional<std::string> remote_database_host(std::string_view url) {
  auto options = parse_conninfo(std::string(url), nullptr);
  if (!options) return std::nullopt;
  std::string host = option_or(*options, "host", "PGHOST", "");
  if (host.empty()) host = option_or(*options, "hostaddr", "PGHOSTADDR", "");
  host = host.substr(0, host.find(','));  // the first of a multi-host list
  if (host.empty() || host.front() == '/' || host.front() == '@') return std::nullopt;  // Unix socket
  const std::string lowered = text::to_ascii_lower(host);
  if (lowered == "localhost" || lowered == "::1" || lowered.starts_with("127.")) return std::nullopt;
  return host;
}

std::string missing_database_url_message(const std::optional<std::string>& supabase_url) {
  std::string message =
      "DATABASE_URL is not set: put the PostgreSQL connection string in the environment or in .env";
  if (!supabase_url) return message;
  // https://<ref>.supabase.co -> db.<ref>.supabase.co, the project's direct database host.
  std::string host = "db.<project-ref>.supabase.co";
  std::string_view rest = *supabase_url;
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/:?#"));
  constexpr std::string_view kSuffix = ".supabase.co";
  if (rest.ends_with(kSuffix) && rest.size() > kSuffix.size()) {
    const std::string_view ref = rest.substr(0, rest.size() - kSuffix.size());
    if (ref.find('.') == std::string_view::npos && std::all_of(ref.begin(), ref.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0;
        }))
      host = "db." + std::string(ref) + std::string(kSuffix);
  }
  return message + " (SUPABASE_URL is the REST API, not the database: use postgresql://postgres:<password>@" +
         host +
         ":5432/postgres, shown under Project Settings > Database > Connection string in the Supabase dashboard; "
         "SUPABASE_SERVICE_ROLE_KEY is not needed)";
}

std::string describe_target(std::string_view url) {
  auto options = parse_conninfo(std::string(url), nullptr);
  if (!options) return "(unparsable database URL)";
  return describe(*options);
}

std::string one_line(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      if (!out.empty()) break;
      continue;
    }
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace scrapers::tracking
