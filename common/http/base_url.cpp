#include "common/http/base_url.hpp"

#include "common/http/host_twins.hpp"
#include "common/http/url.hpp"
#include "common/util/env.hpp"

namespace scrapers::http {

Result<std::string> base_url_from_env(const char* variable, std::string_view fallback) {
  std::string value = env::get_or(variable, std::string(fallback));
  auto url = parse_url(value);
  if (!url.ok()) {
    return make_error(ErrorKind::invalid_argument,
                      std::string(variable) + " is not an absolute http(s) URL: " + url.error().message);
  }
  while (value.size() > 1 && value.back() == '/' && value.substr(value.size() - 3) != "://") {
    value.pop_back();
  }
  return value;
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
         same_site_host(a->host, b->host);
}

}  // namespace scrapers::http
