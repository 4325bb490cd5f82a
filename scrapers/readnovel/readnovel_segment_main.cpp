// readnovel-segment: see readnovel_segment.hpp and readnovel_segment_cli.hpp.
#include <chrono>

#include "scrapers/readnovel/readnovel_segment.hpp"
#include "scrapers/readnovel/readnovel_segment_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::readnovel::parse_readnovel_segment_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  return scrapers::runtime::run_program({std::chrono::milliseconds(options.delay_ms), 0},
                                        [&](auto& db, auto& services) {
                                          return scrapers::readnovel::run_readnovel_segment(options, db, services);
                                        });
}
