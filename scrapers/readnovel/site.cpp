#include "scrapers/readnovel/site.hpp"

#include "common/http/base_url.hpp"

namespace scrapers::readnovel {

Result<SiteUrls> SiteUrls::from_env() {
  SiteUrls urls;
  auto api = http::base_url_from_env(kApiBaseVariable, urls.api_base);
  if (!api.ok()) return std::move(api).error();
  auto site = http::base_url_from_env(kSiteBaseVariable, urls.site_base);
  if (!site.ok()) return std::move(site).error();
  urls.api_base = std::move(api).value();
  urls.site_base = std::move(site).value();
  return urls;
}

}  // namespace scrapers::readnovel
