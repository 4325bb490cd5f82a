#include "common/http/base_url.hpp"

#include <gtest/gtest.h>

#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::ScopedEnv;

constexpr const char* kVariable = "SCRAPERS_TEST_BASE_URL";

TEST(BaseUrlFromEnv, AnUnsetVariableGivesTheDefault) {
  ScopedEnv none(kVariable, std::nullopt);
  auto url = base_url_from_env(kVariable, "https://www.example.com");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(*url, "https://www.example.com");
}

TEST(BaseUrlFromEnv, AnOverrideLosesItsTrailingSlash) {
  ScopedEnv api(kVariable, "http://127.0.0.1:4567/api/v1/");
  auto url = base_url_from_env(kVariable, "https://api.example.com/api/v1");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(*url, "http://127.0.0.1:4567/api/v1");
  EXPECT_EQ(join_url(*url, "/subtitles"), "http://127.0.0.1:4567/api/v1/subtitles");
}

TEST(BaseUrlFromEnv, ADefaultIsCheckedAndTrimmedLikeAnOverride) {
  ScopedEnv none(kVariable, std::nullopt);
  auto url = base_url_from_env(kVariable, "https://www.example.com//");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(*url, "https://www.example.com");
}

TEST(BaseUrlFromEnv, AnInvalidValueIsAnErrorNamingTheVariable) {
  for (const char* bad : {"ftp://readnovel.eu", "readnovel.eu", "/relative"}) {
    ScopedEnv env(kVariable, bad);
    auto url = base_url_from_env(kVariable, "https://readnovel.eu");
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_EQ(url.error().kind, ErrorKind::invalid_argument) << bad;
    EXPECT_NE(url.error().message.find(kVariable), std::string::npos) << url.error().message;
  }
}

TEST(JoinUrl, PutsExactlyOneSlashBetweenBaseAndPath) {
  EXPECT_EQ(join_url("https://a.example/", "/novel/1"), "https://a.example/novel/1");
  EXPECT_EQ(join_url("https://a.example", "novel/1"), "https://a.example/novel/1");
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
