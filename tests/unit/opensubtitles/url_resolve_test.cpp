#include "scrapers/opensubtitles/url_resolve.hpp"

#include <gtest/gtest.h>

namespace scrapers::opensubtitles::detail {
namespace {

constexpr std::string_view kBase = "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling?x=1#top";

TEST(ResolveLink, AbsolutePathUsesTheBaseOrigin) {
  EXPECT_EQ(resolve_link(kBase, "/en/tvshows/2024-solo-leveling/seasons/1/episodes/1-x"),
            "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling/seasons/1/episodes/1-x");
  EXPECT_EQ(resolve_link("http://127.0.0.1:8080/en/tvshows/a", "/en/b"), "http://127.0.0.1:8080/en/b");
}

TEST(ResolveLink, RelativePathsResolveAgainstTheBaseDirectoryWithoutDotSegments) {
  EXPECT_EQ(resolve_link(kBase, "2024-solo-leveling/seasons/1"),
            "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling/seasons/1");
  EXPECT_EQ(resolve_link(kBase, "../../x/./y"), "https://www.opensubtitles.com/x/y");
  EXPECT_EQ(resolve_link(kBase, "/../../../etc"), "https://www.opensubtitles.com/etc");
  EXPECT_EQ(resolve_link(kBase, "?page=2"), "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling?page=2");
}

TEST(ResolveLink, AbsoluteAndSchemeRelativeLinksKeepTheirHost) {
  EXPECT_EQ(resolve_link(kBase, "https://dl.opensubtitles.com/a/../b"), "https://dl.opensubtitles.com/b");
  EXPECT_EQ(resolve_link(kBase, "//cdn.example.org/e"), "https://cdn.example.org/e");
  EXPECT_EQ(resolve_link(kBase, "HTTP://Host.example"), "HTTP://Host.example/");
}

TEST(ResolveLink, DropsFragmentsAndRefusesOtherSchemesAndBadInput) {
  EXPECT_EQ(resolve_link(kBase, "/e/1#comments"), "https://www.opensubtitles.com/e/1");
  EXPECT_EQ(resolve_link(kBase, "#season-1"), std::nullopt);
  EXPECT_EQ(resolve_link(kBase, "javascript:void(0)"), std::nullopt);
  EXPECT_EQ(resolve_link(kBase, "mailto:a@b.c"), std::nullopt);
  EXPECT_EQ(resolve_link(kBase, "/a b"), std::nullopt);
  EXPECT_EQ(resolve_link(kBase, ""), std::nullopt);
  EXPECT_EQ(resolve_link("ftp://x/", "/a"), std::nullopt);
  EXPECT_EQ(resolve_link(kBase, "https:///a"), std::nullopt);
}

}  // namespace
}  // namespace scrapers::opensubtitles::detail
