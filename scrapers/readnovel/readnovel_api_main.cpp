// readnovel-api: see readnovel_api.hpp and readnovel_api_cli.hpp.
#include <chrono>

#include "scrapers/readnovel/readnovel_api.hpp"
#include "scrapers/readnovel/readnovel_api_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::readnovel::parse_readnovel_api_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  return scrapers::runtime::run_program({std::chrono::milliseconds(0), 0}, [&](auto& db, auto& services) {
    return scrapers::readnovel::run_readnovel_api(options, db, services);
  });
}
