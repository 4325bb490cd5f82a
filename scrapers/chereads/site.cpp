#include "scrapers/chereads/site.hpp"

#include "common/http/base_url.hpp"

namespace scrapers::chereads {

Result<SiteUrls> SiteUrls::from_env() {
  auto base = http::base_url_from_env(kBaseVariable, kDefaultBase);
  if (!base.ok()) return std::move(base).error();
  return SiteUrls{std::move(base).value()};
}

}  // namespace scrapers::chereads
