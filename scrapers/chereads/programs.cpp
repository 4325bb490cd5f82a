#include "scrapers/chereads/programs.hpp"

#include "scrapers/chereads/site.hpp"

#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/chereads/chereads_work_cli.hpp"

namespace scrapers::chereads {
namespace {

std::vector<std::string> site_hosts() {
  auto urls = SiteUrls::from_env();
  if (!urls) return {};
  return urls->hosts();
}

http::TransportSettings work_pacing(const ChereadsWorkOptions&) { return {}; }
http::TransportSettings segment_pacing(const ChereadsSegmentOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), 0};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<ChereadsWorkOptions>(
              {.name = "chereads-work", .script_type = kWorkScriptType, .hosts = site_hosts},
              parse_chereads_work_cli, work_pacing, run_chereads_work),
          runtime::make_program<ChereadsSegmentOptions>({.name = "chereads-segment",
                                                         .script_type = kSegmentScriptType,
                                                         .edition_option = "--editionId",
                                                         .hosts = site_hosts,
                                                         .stores_assets = true},
                                                        parse_chereads_segment_cli, segment_pacing,
                                                        run_chereads_segment)};
}

}  // namespace scrapers::chereads
