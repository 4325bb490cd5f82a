#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::opensubtitles::parse_opensubtitles_work_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  return scrapers::runtime::run_program({}, [&](auto& db, auto& services) {
    return scrapers::opensubtitles::run_opensubtitles_work(options, db, services);
  });
}
