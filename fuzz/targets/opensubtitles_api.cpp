// The OpenSubtitles REST answers (search, download, login, error bodies) over any
// bytes. A login's base host is a bare host name; server messages are UTF-8.
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/opensubtitles/api_responses.hpp"
#include "scrapers/opensubtitles/search_response.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(opensubtitles_api) {
  (void)opensubtitles::parse_search_response(input);
  (void)opensubtitles::parse_download_response(input);
  if (auto login = opensubtitles::parse_login_response(input)) {
    FUZZ_CHECK(login->base_host.find('/') == std::string::npos);
    FUZZ_CHECK(login->base_host.find('@') == std::string::npos);
  }
  (void)opensubtitles::describe_api_failure(406, input, "download");
  FUZZ_CHECK(text::is_valid_utf8(opensubtitles::server_message(input)));
}
