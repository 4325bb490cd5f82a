#include "scrapers/opensubtitles/site.hpp"

#include "common/http/base_url.hpp"

namespace scrapers::opensubtitles {

Result<SiteUrls> SiteUrls::from_env() {
  SiteUrls urls;
  auto site = http::base_url_from_env(kSiteBaseVariable, urls.site_base);
  if (!site.ok()) return std::move(site).error();
  auto api = http::base_url_from_env(kApiBaseVariable, urls.api_base);
  if (!api.ok()) return std::move(api).error();
  urls.site_base = std::move(site).value();
  urls.api_base = std::move(api).value();
  return urls;
}

}  // namespace scrapers::opensubtitles
