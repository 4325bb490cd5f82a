#include <chrono>

#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/runtime/program.hpp"

int main(int argc, char** argv) {
  auto parsed = scrapers::opensubtitles::parse_bulk_download_cli(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  const auto& options = *parsed.options;
  const scrapers::http::TransportSettings transport{std::chrono::milliseconds(options.delay_ms),
                                                    scrapers::opensubtitles::kApiRequestsPerMinute};
  return scrapers::runtime::run_program(transport, [&](auto& db, auto& services) {
    return scrapers::opensubtitles::run_bulk_download(options, db, services);
  });
}
