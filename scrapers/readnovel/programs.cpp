#include "scrapers/readnovel/programs.hpp"

#include "scrapers/readnovel/site.hpp"

#include "scrapers/readnovel/readnovel_api_cli.hpp"
#include "scrapers/readnovel/readnovel_segment_cli.hpp"

namespace scrapers::readnovel {
namespace {

// Both hosts the readnovel programs request; none when the variables are bad (the
// program itself reports that when it runs).
std::vector<std::string> site_hosts() {
  auto urls = SiteUrls::from_env();
  if (!urls) return {};
  return runtime::hosts_of({urls->api_base, urls->site_base});
}

http::TransportSettings api_pacing(const ReadnovelApiOptions&) { return {}; }
http::TransportSettings segment_pacing(const ReadnovelSegmentOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), 0};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<ReadnovelApiOptions>(
              {.name = "readnovel-api", .script_type = kApiScriptType, .hosts = site_hosts},
              parse_readnovel_api_cli, api_pacing, run_readnovel_api),
          runtime::make_program<ReadnovelSegmentOptions>({.name = "readnovel-segment",
                                                          .script_type = kSegmentScriptType,
                                                          .edition_option = "--edition",
                                                          .hosts = site_hosts,
                                                          .stores_assets = true},
                                                         parse_readnovel_segment_cli, segment_pacing,
                                                         run_readnovel_segment)};
}

}  // namespace scrapers::readnovel
