#include "scrapers/chereads/programs.hpp"

#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/chereads/chereads_work_cli.hpp"

namespace scrapers::chereads {
namespace {

http::TransportSettings work_pacing(const ChereadsWorkOptions&) { return {}; }
http::TransportSettings segment_pacing(const ChereadsSegmentOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), 0};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<ChereadsWorkOptions>({.name = "chereads-work", .script_type = kWorkScriptType},
                                                     parse_chereads_work_cli, work_pacing, run_chereads_work),
          runtime::make_program<ChereadsSegmentOptions>(
              {.name = "chereads-segment", .script_type = kSegmentScriptType}, parse_chereads_segment_cli,
              segment_pacing, run_chereads_segment)};
}

}  // namespace scrapers::chereads
