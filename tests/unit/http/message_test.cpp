#include "common/http/message.hpp"

#include <gtest/gtest.h>

namespace scrapers::http {
namespace {

TEST(Headers, LookupIgnoresTheCaseOfTheName) {
  Headers headers;
  headers.add("Content-Type", "text/html");
  EXPECT_EQ(headers.get("content-type"), "text/html");
  EXPECT_EQ(headers.get("CONTENT-TYPE"), "text/html");
  EXPECT_TRUE(headers.has("Content-type"));
  EXPECT_FALSE(headers.has("Content-Length"));
}

TEST(Headers, SetReplacesEverySameNamedEntryWhateverItsCase) {
  Headers headers;
  headers.add("X-Token", "a");
  headers.add("x-token", "b");
  headers.add("Other", "c");
  headers.set("X-TOKEN", "d");
  EXPECT_EQ(headers.get_all("x-token"), std::vector<std::string>{"d"});
  EXPECT_EQ(headers.get("Other"), "c");
}

TEST(Headers, DuplicatesKeepTheirOrderAndRemoveDropsAllOfThem) {
  Headers headers;
  headers.add("Set-Cookie", "a=1");
  headers.add("set-cookie", "b=2");
  EXPECT_EQ(headers.get("SET-COOKIE"), "a=1");
  EXPECT_EQ(headers.get_all("Set-Cookie"), (std::vector<std::string>{"a=1", "b=2"}));
  headers.remove("SET-cookie");
  EXPECT_TRUE(headers.entries.empty());
}

TEST(Response, ContentTypeIsTheLowerCasedMediaTypeWithoutParameters) {
  Response response;
  EXPECT_EQ(response.content_type(), "");
  response.headers.add("content-type", " Application/JSON ; charset=UTF-8");
  EXPECT_EQ(response.content_type(), "application/json");
}

}  // namespace
}  // namespace scrapers::http
