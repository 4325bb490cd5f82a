#include "common/http/site_urls.hpp"

#include <gtest/gtest.h>

#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::ScopedEnv;

TEST(SiteUrls, DefaultsAreTheProductionSites) {
  ScopedEnv a("READNOVEL_API_BASE", std::nullopt), b("READNOVEL_SITE_BASE", std::nullopt),
      c("CHEREADS_BASE", std::nullopt), d("OPENSUBTITLES_SITE_BASE", std::nullopt),
      e("OPENSUBTITLES_BASE_URL", std::nullopt);
  auto urls = site_urls_from_env();
  ASSERT_TRUE(urls.ok());
  EXPECT_EQ(urls->readnovel_api_base, "https://wuxiaworld.eu");
  EXPECT_EQ(urls->readnovel_site_base, "https://readnovel.eu");
  EXPECT_EQ(urls->chereads_base, "https://www.chereads.com");
  EXPECT_EQ(urls->opensubtitles_site_base, "https://www.opensubtitles.com");
  EXPECT_EQ(urls->opensubtitles_api_base, "https://api.opensubtitles.com/api/v1");
}

TEST(SiteUrls, EnvironmentOverridesLoseTheirTrailingSlash) {
  ScopedEnv api("OPENSUBTITLES_BASE_URL", "http://127.0.0.1:4567/api/v1/");
  ScopedEnv site("CHEREADS_BASE", "http://127.0.0.1:4567");
  auto urls = site_urls_from_env();
  ASSERT_TRUE(urls.ok());
  EXPECT_EQ(urls->opensubtitles_api_base, "http://127.0.0.1:4567/api/v1");
  EXPECT_EQ(urls->chereads_base, "http://127.0.0.1:4567");
  EXPECT_EQ(join_url(urls->opensubtitles_api_base, "/subtitles"), "http://127.0.0.1:4567/api/v1/subtitles");
}

TEST(SiteUrls, AnInvalidOverrideIsAnErrorNamingTheVariable) {
  ScopedEnv bad("READNOVEL_SITE_BASE", "ftp://readnovel.eu");
  auto urls = site_urls_from_env();
  ASSERT_FALSE(urls.ok());
  EXPECT_EQ(urls.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(urls.error().message.find("READNOVEL_SITE_BASE"), std::string::npos);
}

TEST(IsOnSite, AcceptsTheConfiguredHostWithOrWithoutWww) {
  EXPECT_TRUE(is_on_site("https://www.readnovel.eu/chapter/x", "https://readnovel.eu"));
  EXPECT_TRUE(is_on_site("https://chereads.com/novel/1", "https://www.chereads.com"));
  EXPECT_TRUE(is_on_site("http://127.0.0.1:4567/novel/1", "http://127.0.0.1:4567"));
}

TEST(IsOnSite, RejectsOtherHostsPortsAndSchemes) {
  EXPECT_FALSE(is_on_site("https://evil.example/readnovel.eu", "https://readnovel.eu"));
  EXPECT_FALSE(is_on_site("https://readnovel.eu.evil.example/", "https://readnovel.eu"));
  EXPECT_FALSE(is_on_site("http://127.0.0.1:4568/novel/1", "http://127.0.0.1:4567"));
  EXPECT_FALSE(is_on_site("http://readnovel.eu/x", "https://readnovel.eu"));
  EXPECT_FALSE(is_on_site("file:///etc/passwd", "https://readnovel.eu"));
}

}  // namespace
}  // namespace scrapers::http
