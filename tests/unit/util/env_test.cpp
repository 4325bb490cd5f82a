#include "common/util/env.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace scrapers {
namespace {

std::string write_temp_file(const std::string& content) {
  char path[] = "/tmp/dotenv_test.XXXXXX";
  int fd = ::mkstemp(path);
  EXPECT_GE(fd, 0);
  ::close(fd);
  std::ofstream(path) << content;
  return path;
}

TEST(Dotenv, SetsMissingVariablesButTheRealEnvironmentWins) {
  ::setenv("DOTENV_TEST_PRESET", "from-env", 1);
  ::unsetenv("DOTENV_TEST_NEW");
  ::unsetenv("DOTENV_TEST_QUOTED");
  ::unsetenv("DOTENV_TEST_EXPORTED");
  const std::string path = write_temp_file(
      "# comment\n\nDOTENV_TEST_PRESET=from-file\nDOTENV_TEST_NEW=plain value # trailing\n"
      "DOTENV_TEST_QUOTED=\"postgres://u:p#w@h:5432/db\"\nexport DOTENV_TEST_EXPORTED='x=y'\nnot a line\n");
  EXPECT_EQ(env::load_dotenv(path), 3);
  EXPECT_EQ(env::get_or("DOTENV_TEST_PRESET", ""), "from-env");
  EXPECT_EQ(env::get_or("DOTENV_TEST_NEW", ""), "plain value");
  EXPECT_EQ(env::get_or("DOTENV_TEST_QUOTED", ""), "postgres://u:p#w@h:5432/db");
  EXPECT_EQ(env::get_or("DOTENV_TEST_EXPORTED", ""), "x=y");
  ::unlink(path.c_str());
}

TEST(Dotenv, MissingFileIsNotAnError) { EXPECT_EQ(env::load_dotenv("/nonexistent/.env"), 0); }

TEST(Env, EmptyVariableCountsAsUnset) {
  ::setenv("ENV_TEST_EMPTY", "", 1);
  EXPECT_FALSE(env::get("ENV_TEST_EMPTY").has_value());
  EXPECT_EQ(env::get_or("ENV_TEST_EMPTY", "fallback"), "fallback");
}

}  // namespace
}  // namespace scrapers
