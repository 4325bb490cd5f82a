// chereads-work: see chereads_work.hpp and chereads_work_cli.hpp.
#include <chrono>

#include "scrapers/chereads/chereads_work.hpp"
#include "scrapers/chereads/chereads_work_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::chereads::parse_chereads_work_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  return scrapers::runtime::run_program({std::chrono::milliseconds(0), 0},
                                        [&](auto& db, auto& services) {
                                          return scrapers::chereads::run_chereads_work(options, db, services);
                                        });
}
