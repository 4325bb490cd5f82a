// Fetching a chereads page as a browser would ask for it. The transport already
// paces requests (--delay) and retries transient failures; this adds the request
// headers and the meaning of the answer: a Cloudflare challenge is
// ErrorKind::blocked, any other non-2xx status is ErrorKind::http_status.
#pragma once

#include <string>

#include "common/http/message.hpp"
#include "common/util/error.hpp"

namespace scrapers::chereads {

http::Request page_request(const std::string& url);

Result<http::Response> fetch_page(http::Transport& transport, const std::string& url);

}  // namespace scrapers::chereads
