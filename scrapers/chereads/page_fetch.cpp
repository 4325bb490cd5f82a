#include "scrapers/chereads/page_fetch.hpp"

#include "common/http/classify.hpp"
#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads {

http::Request page_request(const std::string& url) {
  http::Request request;
  request.url = url;
  request.max_body_bytes = kMaxBodyBytes;  // a larger page is refused while it arrives
  request.headers.set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  request.headers.set("Accept-Language", "en-US,en;q=0.9");
  return request;
}

Result<http::Response> fetch_page(http::Transport& transport, const std::string& url) {
  auto response = transport.send(page_request(url));
  if (!response.ok()) return response;
  if (auto status = http::expect_ok(*response, url); !status.ok()) return std::move(status).error();
  return response;
}

}  // namespace scrapers::chereads
