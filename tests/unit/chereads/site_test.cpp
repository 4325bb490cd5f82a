#include "scrapers/chereads/site.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "tests/support/scoped_env.hpp"

namespace scrapers::chereads {
namespace {

using scrapers::testing::ScopedEnv;

TEST(ChereadsSite, TheDefaultIsTheProductionSite) {
  ScopedEnv base("CHEREADS_BASE", std::nullopt);
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->base, "https://www.chereads.com");
}

TEST(ChereadsSite, AnOverrideLosesItsTrailingSlash) {
  ScopedEnv base("CHEREADS_BASE", "http://127.0.0.1:8089/");
  auto urls = SiteUrls::from_env();
  ASSERT_TRUE(urls.ok()) << urls.error().message;
  EXPECT_EQ(urls->base, "http://127.0.0.1:8089");
}

TEST(ChereadsSite, AnInvalidValueIsAnErrorNamingTheVariable) {
  ScopedEnv base("CHEREADS_BASE", "www.chereads.com");
  auto urls = SiteUrls::from_env();
  ASSERT_FALSE(urls.ok());
  EXPECT_EQ(urls.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(urls.error().message.find("CHEREADS_BASE"), std::string::npos) << urls.error().message;
}

TEST(ChereadsSite, OtherSitesVariablesAreNotItsConcern) {
  ScopedEnv env;
  env.unset("CHEREADS_BASE");
  env.set("READNOVEL_SITE_BASE", "not a url");
  env.set("OPENSUBTITLES_SITE_BASE", "not a url");
  EXPECT_TRUE(SiteUrls::from_env().ok());
}

}  // namespace
}  // namespace scrapers::chereads
