// Twin hosts (host_twins.hpp): www. twins and the chereads.com / cherreads.com
// sisters are one site for redirects (redirect_policy.hpp) and for is_on_site().
#include "common/http/host_twins.hpp"

#include <gtest/gtest.h>

#include "common/http/base_url.hpp"
#include "common/http/redirect_policy.hpp"

namespace scrapers::http {
namespace {

Result<Hop> redirect_from(const std::string& url, std::string_view location) {
  Request request;
  request.url = url;
  return next_hop(request, first_hop(request).value(), 302, location);
}

TEST(HostTwins, ChereadsAndCherreadsWithOrWithoutWwwAreOneSite) {
  const char* hosts[] = {"chereads.com", "www.chereads.com", "cherreads.com", "www.cherreads.com",
                         "WWW.CherReads.com"};
  for (const char* a : hosts) {
    for (const char* b : hosts) EXPECT_TRUE(same_site_host(a, b)) << a << " " << b;
  }
  EXPECT_EQ(site_domain("www.cherreads.com"), "chereads.com");
}

TEST(HostTwins, OtherHostsAndLookalikesStayApart) {
  EXPECT_FALSE(same_site_host("chereads.com", "chereads.com.evil.example"));
  EXPECT_FALSE(same_site_host("www.cherreads.com", "cherrreads.com"));
  EXPECT_FALSE(same_site_host("chereads.com", "novelflick.com"));
  EXPECT_FALSE(same_site_host("cherreads.com", "cherreads.org"));
  EXPECT_TRUE(same_site_host("www.example.com", "example.com"));
  EXPECT_FALSE(same_site_host("api.example.com", "example.com"));
}

TEST(HostTwins, SiteRequestsFollowRedirectsBetweenTheTwinsOnly) {
  auto to_sister = redirect_from("https://www.chereads.com/novel/1/2", "https://www.cherreads.com/novel/1/2");
  ASSERT_TRUE(to_sister.ok()) << to_sister.error().message;
  EXPECT_EQ(to_sister->url, "https://www.cherreads.com/novel/1/2");
  EXPECT_TRUE(redirect_from("https://cherreads.com/novel/1", "https://chereads.com/novel/1").ok());
  auto away = redirect_from("https://www.cherreads.com/novel/1", "https://novelflick.com/story/1");
  ASSERT_FALSE(away.ok());
  EXPECT_NE(away.error().message.find("another host"), std::string::npos) << away.error().message;
}

TEST(HostTwins, AUrlOnASisterHostIsOnTheSiteOfTheProductionBase) {
  for (const char* url : {"https://www.cherreads.com/novel/1", "https://cherreads.com/chapterlist/1/",
                          "https://chereads.com/novel/1/2"}) {
    EXPECT_TRUE(is_on_site(url, "https://www.chereads.com")) << url;
  }
  EXPECT_FALSE(is_on_site("http://www.cherreads.com/novel/1", "https://www.chereads.com"));
  EXPECT_FALSE(is_on_site("https://www.cherreads.com:8443/novel/1", "https://www.chereads.com"));
  EXPECT_FALSE(is_on_site("https://www.cherreads.com/novel/1", "http://127.0.0.1:8080"));
}

}  // namespace
}  // namespace scrapers::http
