// HTTP request/response values and the Transport interface every fetch goes through.
//
// Values only: no curl, no sockets. A Transport turns a Request into a Response or
// an Error (network, timeout, too_large, interrupted, invalid_argument for a
// forbidden scheme). A non-2xx status is NOT an error at this level: callers (or
// the classification helpers) decide what a status means. Decorators (retry,
// politeness, recording) wrap a Transport and are Transports themselves.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::http {

// Header names compare case-insensitively; order and duplicates are preserved.
struct Headers {
  std::vector<std::pair<std::string, std::string>> entries;

  void add(std::string name, std::string value);
  void set(std::string name, std::string value);                // replaces every same-named entry
  std::optional<std::string> get(std::string_view name) const;  // first match
  bool has(std::string_view name) const { return get(name).has_value(); }
  std::vector<std::string> get_all(std::string_view name) const;  // every match, in order
  void remove(std::string_view name);                             // every same-named entry
};

// Case-insensitive ASCII comparison of two header names.
bool header_name_equals(std::string_view a, std::string_view b);

// AWS Signature V4 signing, done by the transport (libcurl's CURLOPT_AWS_SIGV4).
struct AwsSigV4 {
  std::string provider = "aws:amz:auto:s3";  // "<provider1>:<provider2>:<region>:<service>"
  std::string access_key_id;
  std::string secret_access_key;
};

// Where a request, and every redirect it follows, may go (redirect_policy.hpp):
//   site      redirects stay on the request's host or its "www." twin; never https→http.
//   download  every hop over https to a public address (checked on the address the
//             socket connects to), except the request's trusted_host; never https→http.
enum class Reach { site, download };

struct Request {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  // Per-request overrides of the transport defaults (nullopt = default).
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<std::size_t> max_body_bytes;
  std::optional<AwsSigV4> aws_sigv4;
  bool follow_redirects = true;  // false: a 3xx is the Response, as sent
  Reach reach = Reach::site;
  // Reach::download only: the one host (name as in the URL, no port) exempt from the
  // https and public-address rules; "" = none. See redirect_policy.hpp for who sets it.
  std::string trusted_host;
};

struct Timings {
  std::chrono::microseconds connect{0};
  std::chrono::microseconds first_byte{0};
  std::chrono::microseconds total{0};
};

struct Response {
  int status = 0;
  Headers headers;   // of the final response after redirects
  std::string body;  // decoded (gzip/deflate/br already undone)
  std::string effective_url;
  int redirect_count = 0;
  Timings timings;

  std::string content_type() const;  // lower-cased media type without parameters, "" if absent
  // The whole Content-Type value as sent ("text/html; charset=windows-1252"), "" if
  // absent: what an HTML parser needs to read the bytes in the declared charset.
  std::string content_type_header() const;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Result<Response> send(const Request& request) = 0;
};

}  // namespace scrapers::http
