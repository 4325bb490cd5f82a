#include "scrapers/opensubtitles/programs.hpp"

#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"

namespace scrapers::opensubtitles {
namespace {

http::TransportSettings work_pacing(const OpensubtitlesWorkOptions&) { return {}; }
// The API allows 5 requests per second; --delay spaces the downloads further.
http::TransportSettings download_pacing(const BulkDownloadOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), kApiRequestsPerMinute};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<OpensubtitlesWorkOptions>(
              {.name = "opensubtitles-work", .script_type = std::string(kWorkScriptType)},
              parse_opensubtitles_work_cli, work_pacing, run_opensubtitles_work),
          runtime::make_program<BulkDownloadOptions>(
              {.name = "bulk-download-subtitles", .script_type = std::string(kBulkScriptType)},
              parse_bulk_download_cli, download_pacing, run_bulk_download)};
}

}  // namespace scrapers::opensubtitles
