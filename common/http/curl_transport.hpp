// CurlTransport: the production Transport, a thin owner of libcurl handles.
//
// Guarantees for every request: only http/https (checked before sending and for
// every redirect; anything else is invalid_argument), TLS verification always on,
// redirects followed here, hop by hop, each checked by the redirect policy
// (redirect_policy.hpp: site requests stay on their host, downloads go over https to
// public addresses, the address checked being the one each socket connects to, on a
// fresh connection), at most `max_redirects` of them (more is an http_status error
// with the last 3xx), gzip/deflate/br/zstd decoded, the decoded body capped at max_body_bytes
// while it arrives (too_large, the transfer is aborted at once), connect and
// total timeouts (timeout), abort within ~50 ms of scrapers::interrupted()
// (interrupted), other transport failures as network. A non-2xx status is a
// Response, not an error. Connections are kept alive and reused between requests.
// Error messages name the method and the URL with secret parameters redacted.
//
// Environment (curl_options_from_env): HTTP_CONNECT_TIMEOUT_MS (default 10000),
// HTTP_TIMEOUT_MS (default 60000), HTTP_MAX_BODY_BYTES (default 33554432),
// USER_AGENT (default kDefaultUserAgent, a desktop Chrome; checked by
// user_agent_from_env), HTTP_IP_RESOLVE (v4|v6|any, ip_resolve.hpp). A request's own
// User-Agent header wins. A site request (Reach::site, not SigV4-signed) without a
// User-Agent of its own goes out with the browser's headers (browser_headers.hpp);
// requests that name their own User-Agent (an API client) get none of them.
//
// One transfer at a time per transport (send() serialises callers).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/http/browser_headers.hpp"
#include "common/http/ip_resolve.hpp"
#include "common/http/message.hpp"

namespace scrapers::http {

struct CurlOptions {
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{60000};  // whole transfer, per request overridable
  std::size_t max_body_bytes = std::size_t{32} * 1024 * 1024;
  std::string user_agent{kDefaultUserAgent};
  long max_redirects = 5;
  IpResolve ip_resolve = IpResolve::any;
  std::string ca_file;  // a CA bundle to trust instead of the system's ("" = system), e.g. a private CA
};

// Defaults overridden by the variables above; a malformed value is invalid_argument.
Result<CurlOptions> curl_options_from_env();

struct CurlStats {
  std::uint64_t requests = 0;            // transfers started
  std::uint64_t connections_opened = 0;  // new TCP connections (reuse keeps this low)
  std::uint64_t body_bytes = 0;          // decoded body bytes kept
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options = {});
  ~CurlTransport() override;
  CurlTransport(CurlTransport&&) noexcept;
  CurlTransport& operator=(CurlTransport&&) noexcept;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<Response> send(const Request& request) override;

  const CurlOptions& options() const;
  CurlStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scrapers::http
