// chereads-segment: see chereads_segment.hpp and chereads_segment_cli.hpp.
#include <chrono>

#include "scrapers/chereads/chereads_segment.hpp"
#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::chereads::parse_chereads_segment_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  return scrapers::runtime::run_program({std::chrono::milliseconds(options.delay_ms), 0},
                                        [&](auto& db, auto& services) {
                                          return scrapers::chereads::run_chereads_segment(options, db, services);
                                        });
}
