#include "scrapers/opensubtitles/api_redirect.hpp"

#include <algorithm>

#include "common/http/url.hpp"

namespace scrapers::opensubtitles {
namespace {

Error refused(int status, const std::string& why) {
  Error error = make_error(ErrorKind::http_status, "OpenSubtitles redirected (HTTP " + std::to_string(status) +
                                                       ") " + why +
                                                       "; not followed: only a redirect that re-orders or "
                                                       "re-encodes the same query is");
  error.http_status = status;
  return error;
}

http::QueryParams sorted_params(std::string_view query) {
  http::QueryParams params = http::parse_query(query);
  std::sort(params.begin(), params.end());
  return params;
}

}  // namespace

Result<std::string> reencoding_redirect(std::string_view method, std::string_view url, int status,
                                        std::string_view location) {
  if (method != "GET") return refused(status, "a " + std::string(method) + " request");
  if (location.empty()) return refused(status, "without a Location");
  auto target = http::resolve_url(url, location);
  if (!target.ok()) return refused(status, "to an unusable Location");
  const http::Url from = http::parse_url(url).value();
  const http::Url to = http::parse_url(*target).value();
  if (to.origin() != from.origin()) {
    return refused(status,
                   "to another host (" + to.scheme + "://" + to.host + ":" + std::to_string(to.port) + ")");
  }
  if (to.path != from.path) return refused(status, "to another path");
  if (sorted_params(to.query) != sorted_params(from.query)) return refused(status, "to another query");
  return std::move(*target);
}

}  // namespace scrapers::opensubtitles
