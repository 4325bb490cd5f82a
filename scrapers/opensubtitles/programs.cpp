#include "scrapers/opensubtitles/programs.hpp"

#include "scrapers/opensubtitles/site.hpp"

#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"

namespace scrapers::opensubtitles {
namespace {

std::vector<std::string> site_hosts() {
  auto urls = SiteUrls::from_env();
  if (!urls) return {};
  return runtime::hosts_of({urls->site_base, urls->api_base});
}

http::TransportSettings work_pacing(const OpensubtitlesWorkOptions&) { return {}; }
// The API allows 5 requests per second; --delay spaces the downloads further.
http::TransportSettings download_pacing(const BulkDownloadOptions& o) {
  return {std::chrono::milliseconds(o.delay_ms), kApiRequestsPerMinute};
}

}  // namespace

std::vector<runtime::Program> programs() {
  return {runtime::make_program<OpensubtitlesWorkOptions>(
              {.name = "opensubtitles-work", .script_type = std::string(kWorkScriptType), .hosts = site_hosts},
              parse_opensubtitles_work_cli, work_pacing, run_opensubtitles_work),
          runtime::make_program<BulkDownloadOptions>({.name = "bulk-download-subtitles",
                                                      .script_type = std::string(kBulkScriptType),
                                                      .edition_option = "--editionId",
                                                      .work_option = "--workId",
                                                      .hosts = site_hosts,
                                                      .stores_assets = true},
                                                     parse_bulk_download_cli, download_pacing, run_bulk_download)};
}

}  // namespace scrapers::opensubtitles
