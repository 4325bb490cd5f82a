#include "scrapers/readnovel/site.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "tests/support/scoped_env.hpp"

namespace scrapers::readnovel {
namespace {

using scrapers::testing::ScopedEnv;

TEST(ReadnovelSite, DefaultsAreTheProductionHosts) {
  ScopedEnv env;
  env.unset("READNOVEL_API_BASE");
  env.unset("READNOVEL_SITE_BASE");
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->api_base, "https://wuxiaworld.eu");
  EXPECT_EQ(urls->site_base, "https://readnovel.eu");
}

TEST(ReadnovelSite, EachVariableOverridesItsBaseWithoutTheTrailingSlash) {
  ScopedEnv env;
  env.set("READNOVEL_API_BASE", "http://127.0.0.1:4567/");
  env.set("READNOVEL_SITE_BASE", "http://127.0.0.1:4568");
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->api_base, "http://127.0.0.1:4567");
  EXPECT_EQ(urls->site_base, "http://127.0.0.1:4568");
}

TEST(ReadnovelSite, AnInvalidValueIsAnErrorNamingItsVariable) {
  for (const char* variable : {"READNOVEL_API_BASE", "READNOVEL_SITE_BASE"}) {
    ScopedEnv env;
    env.unset("READNOVEL_API_BASE");
    env.unset("READNOVEL_SITE_BASE");
    env.set(variable, "ftp://readnovel.eu");
    auto urls = SiteUrls::from_env();
    ASSERT_FALSE(urls.ok()) << variable;
    EXPECT_EQ(urls.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(urls.error().message.find(variable), std::string::npos) << urls.error().message;
  }
}

TEST(ReadnovelSite, OtherSitesVariablesAreNotItsConcern) {
  ScopedEnv env;
  env.unset("READNOVEL_API_BASE");
  env.unset("READNOVEL_SITE_BASE");
  env.set("CHEREADS_BASE", "not a url");
  env.set("OPENSUBTITLES_BASE_URL", "not a url");
  EXPECT_TRUE(SiteUrls::from_env().ok());
}

}  // namespace
}  // namespace scrapers::readnovel
