#include "scrapers/chereads/site.hpp"

#include "common/http/base_url.hpp"
#include "common/http/url.hpp"

namespace scrapers::chereads {

Result<SiteUrls> SiteUrls::from_env() {
  auto base = http::base_url_from_env(kBaseVariable, kDefaultBase);
  if (!base.ok()) return std::move(base).error();
  return SiteUrls{std::move(base).value()};
}

std::vector<std::string> SiteUrls::hosts() const {
  auto url = http::parse_url(base);
  if (!url.ok()) return {};
  std::vector<std::string> out{url->host};
  if (base == kDefaultBase) {
    for (const char* twin : {"chereads.com", "www.cherreads.com", "cherreads.com"}) out.emplace_back(twin);
  }
  return out;
}

}  // namespace scrapers::chereads
