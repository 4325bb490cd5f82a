#include "scrapers/opensubtitles/site.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "tests/support/scoped_env.hpp"

namespace scrapers::opensubtitles {
namespace {

using scrapers::testing::ScopedEnv;

TEST(OpensubtitlesSite, DefaultsAreTheProductionWebsiteAndApi) {
  ScopedEnv env;
  env.unset("OPENSUBTITLES_SITE_BASE");
  env.unset("OPENSUBTITLES_BASE_URL");
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->site_base, "https://www.opensubtitles.com");
  EXPECT_EQ(urls->api_base, "https://api.opensubtitles.com/api/v1");
}

TEST(OpensubtitlesSite, EachVariableOverridesItsBaseWithoutTheTrailingSlash) {
  ScopedEnv env;
  env.set("OPENSUBTITLES_SITE_BASE", "http://127.0.0.1:4567");
  env.set("OPENSUBTITLES_BASE_URL", "http://127.0.0.1:4567/api/v1/");
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->site_base, "http://127.0.0.1:4567");
  EXPECT_EQ(urls->api_base, "http://127.0.0.1:4567/api/v1");
}

TEST(OpensubtitlesSite, AnInvalidValueIsAnErrorNamingItsVariable) {
  for (const char* variable : {"OPENSUBTITLES_SITE_BASE", "OPENSUBTITLES_BASE_URL"}) {
    ScopedEnv env;
    env.unset("OPENSUBTITLES_SITE_BASE");
    env.unset("OPENSUBTITLES_BASE_URL");
    env.set(variable, "api.opensubtitles.com/api/v1");
    auto urls = SiteUrls::from_env();
    ASSERT_FALSE(urls.ok()) << variable;
    EXPECT_EQ(urls.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(urls.error().message.find(variable), std::string::npos) << urls.error().message;
  }
}

}  // namespace
}  // namespace scrapers::opensubtitles
