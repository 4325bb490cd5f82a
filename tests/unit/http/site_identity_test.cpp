// How site requests present themselves (browser_headers.hpp), the User-Agent checks
// of USER_AGENT / OPENSUBTITLES_USER_AGENT, and HTTP_IP_RESOLVE (ip_resolve.hpp).
#include "common/http/browser_headers.hpp"

#include <gtest/gtest.h>

#include "common/http/curl_transport.hpp"
#include "common/http/ip_resolve.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::http {
namespace {

using testing::ScopedEnv;

TEST(BrowserHeaders, APageRequestGetsWhatDesktopChromeSendsForANavigation) {
  Headers headers;
  add_browser_headers(headers, kDefaultUserAgent);
  EXPECT_EQ(headers.get("User-Agent"), std::string(kDefaultUserAgent));
  EXPECT_NE(headers.get("User-Agent")->find("Chrome/"), std::string::npos);
  EXPECT_EQ(headers.get("Accept")->rfind("text/html,application/xhtml+xml", 0), 0u);
  EXPECT_EQ(headers.get("Accept-Language"), "en-US,en;q=0.9");
  EXPECT_EQ(headers.get("Upgrade-Insecure-Requests"), "1");
  EXPECT_EQ(headers.get("Sec-Fetch-Mode"), "navigate");
  EXPECT_EQ(headers.get("Sec-Fetch-Dest"), "document");
  EXPECT_EQ(headers.get("Sec-Fetch-Site"), "none");
  EXPECT_EQ(headers.get("Sec-Fetch-User"), "?1");
  EXPECT_NE(headers.get("sec-ch-ua").value_or("").find("v=\"" + std::string(kBrowserChromeMajor) + "\""),
            std::string::npos);
  EXPECT_EQ(headers.get("sec-ch-ua-mobile"), "?0");
  EXPECT_EQ(headers.get("sec-ch-ua-platform"), "\"Windows\"");
}

TEST(BrowserHeaders, TheRequestsOwnHeadersWinAndAJsonFetchIsNoNavigation) {
  Headers headers;
  headers.set("Accept", "application/json");
  headers.set("Accept-Language", "de");
  add_browser_headers(headers, kDefaultUserAgent);
  EXPECT_EQ(headers.get_all("Accept"), std::vector<std::string>{"application/json"});
  EXPECT_EQ(headers.get("Accept-Language"), "de");
  EXPECT_FALSE(headers.has("Sec-Fetch-Mode"));
  EXPECT_FALSE(headers.has("Upgrade-Insecure-Requests"));
  EXPECT_TRUE(headers.has("User-Agent"));
}

TEST(BrowserHeaders, AnotherUserAgentGetsNoChromeClientHints) {
  Headers headers;
  add_browser_headers(headers, "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0");
  EXPECT_EQ(headers.get("User-Agent"), "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0");
  EXPECT_FALSE(headers.has("sec-ch-ua"));
  EXPECT_FALSE(headers.has("sec-ch-ua-platform"));
  EXPECT_EQ(headers.get("Sec-Fetch-Mode"), "navigate");
}

TEST(UserAgentFromEnv, UnsetGivesTheFallbackAndAPrintableValueIsTaken) {
  {
    ScopedEnv none("SCRAPERS_TEST_UA", std::nullopt);
    EXPECT_EQ(user_agent_from_env("SCRAPERS_TEST_UA", "Fallback v1").value(), "Fallback v1");
  }
  ScopedEnv ua("SCRAPERS_TEST_UA", "MyReader/2.0 (+mailto:me@example.org)");
  EXPECT_EQ(user_agent_from_env("SCRAPERS_TEST_UA", "Fallback v1").value(),
            "MyReader/2.0 (+mailto:me@example.org)");
}

TEST(UserAgentFromEnv, ControlCharactersLineBreaksNonAsciiBlankAndOverlongValuesAreOneLineErrors) {
  for (const std::string& bad :
       {std::string("Agent\r\nX-Injected: 1"), std::string("Agent\nv1"), std::string("tab\tagent"),
        std::string("Agent \xC3\xA9"), std::string("   "), std::string(kMaxUserAgentBytes + 1, 'a')}) {
    ScopedEnv ua("SCRAPERS_TEST_UA", bad);
    auto value = user_agent_from_env("SCRAPERS_TEST_UA", "x");
    ASSERT_FALSE(value.ok()) << bad;
    EXPECT_EQ(value.error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(value.error().message.rfind("SCRAPERS_TEST_UA ", 0), 0u) << value.error().message;
    EXPECT_EQ(value.error().message.find('\n'), std::string::npos);
    EXPECT_EQ(value.error().message.find('\r'), std::string::npos);
  }
  EXPECT_TRUE(user_agent_problem(std::string(kMaxUserAgentBytes, 'a')).empty());
}

TEST(CurlOptionsFromEnv, UserAgentAndIpResolveComeFromTheEnvironmentAndAreChecked) {
  {
    ScopedEnv env;
    env.unset("USER_AGENT");
    env.unset("HTTP_IP_RESOLVE");
    auto options = curl_options_from_env();
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->user_agent, kDefaultUserAgent);
    EXPECT_EQ(options->ip_resolve, IpResolve::any);
  }
  {
    ScopedEnv env;
    env.set("USER_AGENT", "Reader/1.0");
    env.set("HTTP_IP_RESOLVE", "v4");
    auto options = curl_options_from_env();
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->user_agent, "Reader/1.0");
    EXPECT_EQ(options->ip_resolve, IpResolve::v4);
  }
  {
    ScopedEnv env("USER_AGENT", "bad\r\nagent");
    auto options = curl_options_from_env();
    ASSERT_FALSE(options.ok());
    EXPECT_NE(options.error().message.find("USER_AGENT"), std::string::npos);
  }
}

TEST(IpResolve, V4V6AndAnyAreAcceptedAndAnythingElseNamesTheVariable) {
  EXPECT_EQ(parse_ip_resolve("v4").value(), IpResolve::v4);
  EXPECT_EQ(parse_ip_resolve("V6").value(), IpResolve::v6);
  EXPECT_EQ(parse_ip_resolve("any").value(), IpResolve::any);
  for (const char* bad : {"ipv4", "4", "both", "v4 ", "v\n4"}) {
    auto value = parse_ip_resolve(bad);
    ASSERT_FALSE(value.ok()) << bad;
    EXPECT_EQ(value.error().message.rfind("HTTP_IP_RESOLVE must be v4, v6 or any", 0), 0u)
        << value.error().message;
    EXPECT_EQ(value.error().message.find('\n'), std::string::npos);
  }
  ScopedEnv unset("HTTP_IP_RESOLVE", std::nullopt);
  EXPECT_EQ(ip_resolve_from_env().value(), IpResolve::any);
  ScopedEnv bad("HTTP_IP_RESOLVE", "v5");
  EXPECT_FALSE(ip_resolve_from_env().ok());
}

TEST(AppUserAgent, TheOpenSubtitlesFormIsANameThenVAndADottedVersion) {
  for (const char* good : {"ChapterBridge v1.0.0", "MyApp v0.1", "My Application v2", "x v10.20.30"}) {
    EXPECT_TRUE(is_app_user_agent(good)) << good;
  }
  for (const char* bad : {"ChapterBridge", "ChapterBridge 1.0", "v1.0", " v1.0", "App v1.", "App v1..2",
                          "App v2r1", "App vx", "Mozilla/5.0 (Windows NT 10.0)"}) {
    EXPECT_FALSE(is_app_user_agent(bad)) << bad;
  }
}

}  // namespace
}  // namespace scrapers::http
