#include "common/http/site_urls.hpp"

#include "common/http/url.hpp"
#include "common/util/env.hpp"

namespace scrapers::http {
namespace {

Status read_base(const char* name, std::string& value) {
  value = env::get_or(name, value);
  auto url = parse_url(value);
  if (!url.ok()) {
    return make_error(ErrorKind::invalid_argument,
                      std::string(name) + " is not an absolute http(s) URL: " + url.error().message);
  }
  while (value.size() > 1 && value.back() == '/' && value.substr(value.size() - 3) != "://") {
    value.pop_back();
  }
  return Ok{};
}

}  // namespace

Result<SiteUrls> site_urls_from_env() {
  SiteUrls urls;
  for (auto status : {read_base("READNOVEL_API_BASE", urls.readnovel_api_base),
                      read_base("READNOVEL_SITE_BASE", urls.readnovel_site_base),
                      read_base("CHEREADS_BASE", urls.chereads_base),
                      read_base("OPENSUBTITLES_SITE_BASE", urls.opensubtitles_site_base),
                      read_base("OPENSUBTITLES_BASE_URL", urls.opensubtitles_api_base)}) {
    if (!status.ok()) return std::move(status).error();
  }
  return urls;
}

std::string join_url(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return std::string(base) + "/" + std::string(path);
}

bool is_on_site(std::string_view url, std::string_view base) {
  if (same_origin(url, base)) return true;
  const auto a = parse_url(url);
  const auto b = parse_url(base);
  return a.ok() && b.ok() && a->scheme == b->scheme && a->default_port() && b->default_port() &&
         same_host(url, base);
}

}  // namespace scrapers::http
