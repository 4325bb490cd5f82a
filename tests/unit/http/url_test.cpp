#include "common/http/url.hpp"

#include <gtest/gtest.h>

namespace scrapers::http {
namespace {

TEST(ParseUrl, SplitsAnAbsoluteHttpsUrlIntoItsParts) {
  auto url = parse_url("HTTPS://WuxiaWorld.EU:8443/api/chapters/solo-leveling/?page=2#top");
  ASSERT_TRUE(url.ok()) << url.error().describe();
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "wuxiaworld.eu");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->path, "/api/chapters/solo-leveling/");
  EXPECT_EQ(url->query, "page=2");
  EXPECT_EQ(url->to_string(), "https://wuxiaworld.eu:8443/api/chapters/solo-leveling/?page=2");
}

TEST(ParseUrl, FillsTheDefaultPortAndARootPath) {
  auto https = parse_url("https://readnovel.eu");
  ASSERT_TRUE(https.ok());
  EXPECT_EQ(https->port, 443);
  EXPECT_EQ(https->path, "/");
  EXPECT_EQ(https->origin(), "https://readnovel.eu");
  auto http = parse_url("http://127.0.0.1:8080?q=1");
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->port, 8080);
  EXPECT_EQ(http->path, "/");
  EXPECT_EQ(http->query, "q=1");
  EXPECT_EQ(http->origin(), "http://127.0.0.1:8080");
}

TEST(ParseUrl, RejectsEverythingThatIsNotAnAbsoluteHttpUrl) {
  for (const char* bad :
       {"ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "/relative/path", "example.com/page",
        "https://", "https://:80/", "https://user:pw@example.com/", "https://example.com:99999/",
        "https://example.com:12ab/", "https://exa mple.com/", "https://example.com/\n"}) {
    auto url = parse_url(bad);
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_EQ(url.error().kind, ErrorKind::invalid_argument) << bad;
  }
}

TEST(ParseUrl, PercentEncodesSpacesAndNonAsciiBytesInThePath) {
  auto url = parse_url("https://example.com/novel/é x?q=a b");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->path, "/novel/%C3%A9%20x");
  EXPECT_EQ(url->query, "q=a%20b");
}

TEST(ParseUrl, AcceptsBracketedIpv6Hosts) {
  auto url = parse_url("http://[::1]:8080/x");
  ASSERT_TRUE(url.ok()) << url.error().describe();
  EXPECT_EQ(url->host, "[::1]");
  EXPECT_EQ(url->port, 8080);
}

struct Resolution {
  const char* href;
  const char* expected;
};

TEST(ResolveUrl, FollowsRfc3986ReferenceResolution) {
  const std::string base = "http://a/b/c/d;p?q";
  for (const auto& [href, expected] :
       std::initializer_list<Resolution>{{"g", "http://a/b/c/g"},
                                         {"./g", "http://a/b/c/g"},
                                         {"g/", "http://a/b/c/g/"},
                                         {"/g", "http://a/g"},
                                         {"//g", "http://g/"},
                                         {"?y", "http://a/b/c/d;p?y"},
                                         {"g?y", "http://a/b/c/g?y"},
                                         {"#s", "http://a/b/c/d;p?q"},
                                         {"", "http://a/b/c/d;p?q"},
                                         {".", "http://a/b/c/"},
                                         {"./", "http://a/b/c/"},
                                         {"..", "http://a/b/"},
                                         {"../g", "http://a/b/g"},
                                         {"../..", "http://a/"},
                                         {"../../g", "http://a/g"},
                                         {"../../../g", "http://a/g"},
                                         {"/./g", "http://a/g"},
                                         {"g/../h", "http://a/b/c/h"},
                                         {"https://other.example/x/../y", "https://other.example/y"}}) {
    auto resolved = resolve_url(base, href);
    ASSERT_TRUE(resolved.ok()) << href << ": " << resolved.error().describe();
    EXPECT_EQ(*resolved, expected) << "href " << href;
  }
}

TEST(ResolveUrl, RefusesHrefsThatLeaveHttp) {
  for (const char* href : {"javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "data:text/html,x"}) {
    auto resolved = resolve_url("https://www.chereads.com/novel/x", href);
    ASSERT_FALSE(resolved.ok()) << href;
    EXPECT_EQ(resolved.error().kind, ErrorKind::invalid_argument);
  }
}

TEST(ResolveUrl, KeepsTheBasePortForRootRelativeHrefs) {
  auto resolved = resolve_url("http://127.0.0.1:5123/book/1/", "/chapter/2?x=1");
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(*resolved, "http://127.0.0.1:5123/chapter/2?x=1");
}

TEST(QueryEncoding, WritesSpacesAsPlusAndEscapesReservedBytes) {
  EXPECT_EQ(encode_query_component("test test"), "test+test");
  EXPECT_EQ(encode_query_component("a&b=c/d+e"), "a%26b%3Dc%2Fd%2Be");
  EXPECT_EQ(encode_query_component("é"), "%C3%A9");
  EXPECT_EQ(encode_query_component("A-z_0.9~"), "A-z_0.9~");
}

TEST(QueryEncoding, DecodingInvertsEncoding) {
  for (const std::string text : {"test test", "a&b=c/d+e", "Solo Leveling — 나 혼자만 레벨업", "100%"}) {
    EXPECT_EQ(decode_query_component(encode_query_component(text)), text);
  }
  EXPECT_EQ(decode_query_component("bad%zzescape%4"), "bad%zzescape%4");
}

TEST(QueryEncoding, BuildAndParseRoundTripInOrder) {
  const QueryParams params = {{"query", "solo leveling"}, {"languages", "en,pt-br"}, {"flag", ""}};
  const std::string query = build_query(params);
  EXPECT_EQ(query, "query=solo+leveling&languages=en%2Cpt-br&flag=");
  EXPECT_EQ(parse_query(query), params);
  EXPECT_EQ(parse_query("a&&b=1"), (QueryParams{{"a", ""}, {"b", "1"}}));
}

TEST(SameOrigin, ComparesSchemeHostAndPort) {
  EXPECT_TRUE(same_origin("https://readnovel.eu/chapter/x", "https://READNOVEL.eu:443"));
  EXPECT_FALSE(same_origin("http://readnovel.eu/x", "https://readnovel.eu"));
  EXPECT_FALSE(same_origin("http://127.0.0.1:81/x", "http://127.0.0.1:80"));
  EXPECT_FALSE(same_origin("not a url", "https://readnovel.eu"));
}

TEST(SameHost, IgnoresWwwSchemeAndPort) {
  EXPECT_TRUE(same_host("https://www.chereads.com/novel/1", "http://chereads.com:8080"));
  EXPECT_FALSE(same_host("https://evil.com/www.chereads.com", "https://www.chereads.com"));
}

}  // namespace
}  // namespace scrapers::http
