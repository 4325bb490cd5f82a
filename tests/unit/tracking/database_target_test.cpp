// Connection targets and connection errors: nothing here needs a running server (the
// unreachable case uses a closed port on 127.0.0.1).
#include "tracking/database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace scrapers::tracking {
namespace {

class DatabaseTarget : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"PGUSER", "PGHOST", "PGPORT", "PGDATABASE", "PGHOSTADDR", "DATABASE_URL"}) {
      ::unsetenv(name);
    }
  }
};

TEST_F(DatabaseTarget, SupabaseUriIsDescribedWithoutThePassword) {
  const std::string url = "postgresql://postgres:pw-S3cret@db.x.supabase.co:5432/postgres?sslmode=require";
  EXPECT_EQ(describe_target(url), "postgres@db.x.supabase.co:5432/postgres");
}

TEST_F(DatabaseTarget, ConninfoStringsAreDescribedToo) {
  EXPECT_EQ(describe_target("host=/tmp/x port=1234 user=postgres dbname=app password=S3cret"),
            "postgres@/tmp/x:1234/app");
}

TEST_F(DatabaseTarget, MissingPartsFallBackToLibpqDefaults) {
  EXPECT_EQ(describe_target("postgresql://db.example.com/app"), "db.example.com:5432/app");
  EXPECT_EQ(describe_target("postgresql://me@db.example.com"), "me@db.example.com:5432/me");
}

TEST_F(DatabaseTarget, AnUnparsableUrlIsDescribedWithoutEchoingIt) {
  const std::string described = describe_target("host=x password=S3cret garbage");
  EXPECT_EQ(described.find("S3cret"), std::string::npos);
}

TEST_F(DatabaseTarget, UnreachableServerGivesOneLineNamingHostAndPortButNotThePassword) {
  auto db = Database::open("postgresql://postgres:S3cret-pw@127.0.0.1:1/postgres?connect_timeout=5");
  ASSERT_FALSE(db.ok());
  const Error& error = db.error();
  EXPECT_EQ(error.kind, ErrorKind::database);
  EXPECT_NE(error.message.find("127.0.0.1:1"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("S3cret-pw"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find('\n'), std::string::npos) << error.message;
}

TEST_F(DatabaseTarget, APercentEncodedPasswordIsNeverShownInEitherForm) {
  auto db = Database::open("postgresql://postgres:p%40ss%3Aword@127.0.0.1:1/postgres");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message.find("p%40ss"), std::string::npos) << db.error().message;
  EXPECT_EQ(db.error().message.find("p@ss:word"), std::string::npos) << db.error().message;
}

TEST_F(DatabaseTarget, AMalformedUrlIsAnInvalidArgumentWithoutThePassword) {
  auto db = Database::open("host=x password=S3cret bogus_option=1");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(db.error().message.find("bogus_option"), std::string::npos) << db.error().message;
  EXPECT_EQ(db.error().message.find("S3cret"), std::string::npos);
}

TEST_F(DatabaseTarget, MissingDatabaseUrlNamesTheVariable) {
  auto db = connect_from_env("/nonexistent/.env");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(db.error().message.find("DATABASE_URL"), std::string::npos);
}

TEST_F(DatabaseTarget, TheEnvironmentWinsOverTheDotenvFile) {
  const std::string path = ::testing::TempDir() + "/tracking_target_test.env";
  std::ofstream(path) << "DATABASE_URL=postgresql://u@127.0.0.1:2/from_file\n";
  ::setenv("DATABASE_URL", "postgresql://u@127.0.0.1:1/from_env", 1);
  auto db = connect_from_env(path);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message.find("from_env"), std::string::npos) << db.error().message;
  ::unsetenv("DATABASE_URL");
  auto from_file = connect_from_env(path);
  ASSERT_FALSE(from_file.ok());
  EXPECT_NE(from_file.error().message.find("from_file"), std::string::npos);
  ::unsetenv("DATABASE_URL");
}

TEST(OneLine, KeepsTheFirstLineTrimmedWithSpacesCollapsed) {
  EXPECT_EQ(one_line("\n  ERROR:\t bad  thing \nDETAIL: more"), "ERROR: bad thing");
  EXPECT_EQ(one_line(""), "");
}

TEST_F(DatabaseTarget, OnlyHostsOfThisMachineCountAsALocalDatabase) {
  EXPECT_EQ(remote_database_host("postgresql://postgres:pw@db.abc.supabase.co:5432/postgres"),
            "db.abc.supabase.co");
  EXPECT_EQ(remote_database_host("host=10.0.0.5 dbname=app"), "10.0.0.5");
  EXPECT_EQ(remote_database_host("host=pg.internal,127.0.0.1 dbname=app"), "pg.internal");
  EXPECT_EQ(remote_database_host("postgresql://u@localhost/app"), std::nullopt);
  EXPECT_EQ(remote_database_host("postgresql://u@127.0.0.1:5433/app"), std::nullopt);
  EXPECT_EQ(remote_database_host("postgresql://u@[::1]/app"), std::nullopt);
  EXPECT_EQ(remote_database_host("host=/tmp/pg port=5432 dbname=app"), std::nullopt);
  EXPECT_EQ(remote_database_host("dbname=app"), std::nullopt) << "no host: libpq's default Unix socket";
}

TEST_F(DatabaseTarget, AMissingDatabaseUrlMessageDerivesTheSupabaseDatabaseHost) {
  EXPECT_EQ(missing_database_url_message(std::nullopt),
            "DATABASE_URL is not set: put the PostgreSQL connection string in the environment or in .env");
  const std::string message = missing_database_url_message("https://abcdefghij.supabase.co/");
  EXPECT_NE(message.find("postgresql://postgres:<password>@db.abcdefghij.supabase.co:5432/postgres"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("Project Settings > Database"), std::string::npos);
  EXPECT_NE(message.find("SUPABASE_SERVICE_ROLE_KEY is not needed"), std::string::npos);
  EXPECT_EQ(message.find('\n'), std::string::npos);
  // Not a supabase.co project URL (a custom domain): the host is left for the user to fill in.
  EXPECT_NE(missing_database_url_message("https://api.example.com").find("db.<project-ref>.supabase.co"),
            std::string::npos);
}

}  // namespace
}  // namespace scrapers::tracking
