// The environment every opensubtitles CLI parsing test starts from: an API key set,
// no site base override and no login, whatever the developer's shell holds.
#pragma once

#include <gtest/gtest.h>

#include "tests/support/scoped_env.hpp"

namespace scrapers::opensubtitles {

class CliTestEnv : public ::testing::Test {
 protected:
  void SetUp() override {
    env.unset("OPENSUBTITLES_SITE_BASE");
    env.set("OPENSUBTITLES_API_KEY", "test-key");
    env.unset("OPENSUBTITLES_USERNAME");
    env.unset("OPENSUBTITLES_PASSWORD");
  }
  scrapers::testing::ScopedEnv env;
};

}  // namespace scrapers::opensubtitles
