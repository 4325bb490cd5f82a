// Building blocks for the fixture server's answers: compression, the Cloudflare
// challenge page, byte-exact streamed bodies (never re-compressed by httplib) and a
// TCP reset of the connection a request arrived on.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::testing {

std::string gzip_compress(std::string_view data);
std::string brotli_compress(std::string_view data);
std::string challenge_page();
// An HTML page built to hurt a parser: `count` nested <div>s ("nested"), attributes
// on one tag ("attributes") or sibling elements ("elements").
std::string hostile_html(std::string_view shape, std::size_t count);
// `size` bytes of printable text.
std::string filler_text(std::size_t size);

// Sleeps in small steps; false when `stopping` became true first.
bool sleep_unless(const std::atomic<bool>& stopping, std::chrono::milliseconds duration);

struct StreamSpec {
  std::optional<std::string> body;  // the bytes to send; filler text when absent
  std::size_t available = 0;        // bytes actually sent (body size when a body is given)
  std::size_t declared = 0;         // Content-Length; > available means a truncated body
  std::size_t chunk = 64 * 1024;
  std::chrono::milliseconds interval{0};  // pause between chunks
};

// Sets a length-known content provider on `res`; `sent` counts bytes written.
void set_streamed_body(httplib::Response& res, const std::string& content_type, StreamSpec spec,
                       std::shared_ptr<std::atomic<std::size_t>> sent, const std::atomic<bool>& stopping);

// Resets (RST) the TCP connection `req` arrived on; false when its socket is not found.
bool reset_connection(const httplib::Request& req);

}  // namespace scrapers::testing
