#include "common/http/host_twins.hpp"

#include <utility>

#include "common/text/ascii.hpp"

namespace scrapers::http {
namespace {

// {sister domain, main domain}
constexpr std::pair<std::string_view, std::string_view> kSisters[] = {
    {"cherreads.com", "chereads.com"},
};

}  // namespace

std::string site_domain(std::string_view host) {
  std::string domain;
  domain.reserve(host.size());
  for (const char c : host) domain.push_back(text::ascii_lower(c));
  if (domain.starts_with("www.")) domain.erase(0, 4);
  for (const auto& [sister, main] : kSisters) {
    if (domain == sister) return std::string(main);
  }
  return domain;
}

bool same_site_host(std::string_view a, std::string_view b) { return site_domain(a) == site_domain(b); }

}  // namespace scrapers::http
