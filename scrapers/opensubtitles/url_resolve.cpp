#include "scrapers/opensubtitles/url_resolve.hpp"

#include <vector>

#include "common/text/ascii.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::opensubtitles::detail {
namespace {

bool has_space_or_control(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return true;
  }
  return false;
}

// "/a/./b/../c" -> "/a/c" (RFC 3986 5.2.4 for an absolute path); the query is kept.
std::string remove_dot_segments(std::string_view path_and_query) {
  const auto q = path_and_query.find_first_of("?#");
  const std::string_view path = path_and_query.substr(0, q);
  std::vector<std::string_view> out;
  std::size_t pos = 1;
  bool trailing_slash = false;
  while (pos <= path.size()) {
    const auto slash = std::min(path.find('/', pos), path.size());
    const std::string_view seg = path.substr(pos, slash - pos);
    trailing_slash = (seg == "." || seg == "..");
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
    } else if (seg != ".") {
      out.push_back(seg);
    }
    pos = slash + 1;
  }
  std::string result;
  for (const auto seg : out) result += "/" + std::string(seg);
  if (result.empty() || trailing_slash) result += "/";
  if (q != std::string_view::npos) result += path_and_query.substr(q);
  return result;
}

}  // namespace

std::optional<std::string> resolve_link(std::string_view base, std::string_view raw_href) {
  std::string_view href = text::trim(raw_href);
  href = href.substr(0, href.find('#'));
  if (href.empty() || has_space_or_control(href)) return std::nullopt;
  const bool https = text::starts_with_ascii_icase(base, "https://");
  if (!https && !text::starts_with_ascii_icase(base, "http://")) return std::nullopt;
  const std::size_t authority_start = https ? 8 : 7;
  const std::size_t authority_end = std::min(base.find_first_of("/?#", authority_start), base.size());
  if (authority_end == authority_start) return std::nullopt;
  const std::string_view scheme = base.substr(0, authority_start - 3);
  const std::string origin(base.substr(0, authority_end));

  if (text::starts_with_ascii_icase(href, "http://") || text::starts_with_ascii_icase(href, "https://")) {
    const auto start = href.find("://") + 3;
    const auto end = std::min(href.find_first_of("/?#", start), href.size());
    if (end == start) return std::nullopt;
    const std::string_view rest = href.substr(end);
    return std::string(href.substr(0, end)) +
           (rest.empty() || rest.front() != '/' ? "/" + std::string(rest) : remove_dot_segments(rest));
  }
  if (href.substr(0, 2) == "//") {
    return resolve_link(base, std::string(scheme) + ":" + std::string(href));
  }
  const auto colon = href.find(':');
  if (colon != std::string_view::npos && colon < href.find_first_of("/?#")) return std::nullopt;  // other scheme
  if (href.front() == '/') return origin + remove_dot_segments(href);
  std::string_view base_path = base.substr(authority_end);
  base_path = base_path.substr(0, base_path.find_first_of("?#"));
  if (href.front() == '?') return origin + (base_path.empty() ? "/" : std::string(base_path)) + std::string(href);
  const auto last_slash = base_path.rfind('/');
  const std::string dir = last_slash == std::string_view::npos ? "/"
                                                               : std::string(base_path.substr(0, last_slash + 1));
  return origin + remove_dot_segments(dir + std::string(href));
}

}  // namespace scrapers::opensubtitles::detail
