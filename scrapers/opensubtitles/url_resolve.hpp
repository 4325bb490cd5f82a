// Resolving links found on a page against the page's URL (internal to this module).
//
// resolve_link handles what the show page uses: absolute http(s) URLs (kept),
// scheme-relative "//host/..." , absolute paths "/en/..." and relative paths,
// with "." and ".." segments removed from the path and the fragment dropped.
// Fragment-only links, other schemes (javascript:, mailto:, data:), links
// containing whitespace or control characters, and an unusable base give nullopt:
// such a link is not followed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scrapers::opensubtitles::detail {

std::optional<std::string> resolve_link(std::string_view base, std::string_view href);

}  // namespace scrapers::opensubtitles::detail
