#include "scrapers/readnovel/programs.hpp"

#include "scrapers/readnovel/readnovel_api_cli.hpp"
#include "scrapers/readnovel/readnovel_segment_cli.hpp"

namespace scrapers::readnovel {
namespace {

http::TransportSettings api_pacing(const ReadnovelApiOptions&) { return {}; }
http::TransportSettings segment_pacing(const ReadnovelSegmentOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), 0};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<ReadnovelApiOptions>({.name = "readnovel-api", .script_type = kApiScriptType},
                                                     parse_readnovel_api_cli, api_pacing, run_readnovel_api),
          runtime::make_program<ReadnovelSegmentOptions>(
              {.name = "readnovel-segment", .script_type = kSegmentScriptType}, parse_readnovel_segment_cli,
              segment_pacing, run_readnovel_segment)};
}

}  // namespace scrapers::readnovel
