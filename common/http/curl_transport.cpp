// The only file of the project that includes <curl/curl.h>.
#include "common/http/curl_transport.hpp"

#include <algorithm>

#include <curl/curl.h>

#include <sys/socket.h>

#include <mutex>
#include <string_view>

#include "common/http/env_number.hpp"
#include "common/http/public_address.hpp"
#include "common/http/redact.hpp"
#include "common/http/redirect_policy.hpp"
#include "common/http/url.hpp"
#include "common/util/log.hpp"
#include "common/util/progress_stamp.hpp"
#include "common/util/signals.hpp"

namespace scrapers::http {
namespace {

constexpr long kPollIntervalMs = 50;

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

void ensure_curl_global() { static const CurlGlobal global; }

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// Adds an easy handle to a multi handle for the duration of one transfer.
class MultiAttachment {
 public:
  MultiAttachment(CURLM* multi, CURL* easy) : multi_(multi), easy_(easy) { curl_multi_add_handle(multi_, easy_); }
  ~MultiAttachment() { curl_multi_remove_handle(multi_, easy_); }
  MultiAttachment(const MultiAttachment&) = delete;
  MultiAttachment& operator=(const MultiAttachment&) = delete;

 private:
  CURLM* multi_;
  CURL* easy_;
};

struct Transfer {
  Response response;
  std::size_t max_body = 0;
  bool too_large = false;
  bool interrupted = false;
  bool needs_public_address = false;  // this hop's socket may connect only to a public address
  std::string refused_address;        // the address a socket was refused for, if any
  char error_buffer[CURL_ERROR_SIZE] = {};
};

// Every socket curl opens for a hop passes here, after DNS and before connect(), so
// the address checked is the address used: a name that resolves to a public address
// for a check and to a private one for the connection (DNS rebinding) cannot slip by.
curl_socket_t on_open_socket(void* user, curlsocktype /*purpose*/, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  if (transfer->needs_public_address && !is_public_address(&address->addr)) {
    const std::string text = address_text(&address->addr);
    transfer->refused_address = text.empty() ? "an address of another family" : text;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (transfer->response.body.size() + n > transfer->max_body) {
    transfer->too_large = true;
    return 0;  // makes curl abort with CURLE_WRITE_ERROR
  }
  transfer->response.body.append(data, n);
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Keeps the headers of the last response only: a status line starts a new set.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string_view line = trim(std::string_view(data, n));
  if (line.substr(0, 5) == "HTTP/") {
    transfer->response.headers.entries.clear();
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return n;
  transfer->response.headers.add(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  return n;
}

Slist build_header_list(const Request& request, const Hop& hop, const CurlOptions& options) {
  Slist list;
  auto append = [&list](const std::string& line) {
    if (curl_slist* head = curl_slist_append(list.get(), line.c_str())) {
      static_cast<void>(list.release());
      list.reset(head);
    }
  };
  Headers headers = request.headers;
  if (request.reach == Reach::site && !request.aws_sigv4 && !headers.has("User-Agent")) {
    add_browser_headers(headers, options.user_agent);
  }
  for (const auto& [name, value] : headers.entries) {
    append(value.empty() ? name + ";" : name + ": " + value);
  }
  // Header removals ("Name:") are skipped for SigV4 requests: libcurl 7.88 lists a
  // removed header in SignedHeaders without sending it, so S3/R2 would reject the
  // signature (curl issue #11664, fixed in 8.3).
  if (!request.aws_sigv4) {
    append("Expect:");  // no 100-continue round trip for large bodies
    if (!hop.drop_body && !request.body.empty() && !request.headers.has("Content-Type")) append("Content-Type:");
  }
  return list;
}

long to_ms(std::chrono::milliseconds duration) { return static_cast<long>(duration.count()); }

long curl_ip_resolve(IpResolve resolve) {
  switch (resolve) {
    case IpResolve::v4: return CURL_IPRESOLVE_V4;
    case IpResolve::v6: return CURL_IPRESOLVE_V6;
    case IpResolve::any: break;
  }
  return CURL_IPRESOLVE_WHATEVER;
}

// Every option of a transfer (one hop) is set here, and only here. Redirects are
// followed by send(), hop by hop, so each one passes the redirect policy.
void configure_handle(CURL* h, const Request& request, const Hop& hop, const CurlOptions& options,
                      Transfer& transfer, curl_slist* headers, const std::string& userpwd) {
  curl_easy_setopt(h, CURLOPT_URL, hop.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &transfer);
  // A reused connection opens no socket, so its address would go unchecked.
  if (transfer.needs_public_address) curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_IPRESOLVE, curl_ip_resolve(options.ip_resolve));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, to_ms(options.connect_timeout));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, to_ms(request.timeout.value_or(options.timeout)));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, transfer.error_buffer);
  if (hop.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (hop.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    const std::string_view body = hop.drop_body ? std::string_view() : std::string_view(request.body);
    if (hop.method != "POST") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, hop.method.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
  }
  if (request.aws_sigv4) {
    curl_easy_setopt(h, CURLOPT_AWS_SIGV4, request.aws_sigv4->provider.c_str());
    curl_easy_setopt(h, CURLOPT_USERPWD, userpwd.c_str());
  }
}

// Drives one transfer through the multi handle, checking for interrupts between polls.
CURLcode perform(CURLM* multi, CURL* easy, Transfer& transfer) {
  const MultiAttachment attachment(multi, easy);
  int running = 1;
  while (running != 0) {
    note_progress();  // a transfer in hand is progress; curl's timeouts bound it
    if (interrupted()) {
      transfer.interrupted = true;
      return CURLE_ABORTED_BY_CALLBACK;
    }
    if (curl_multi_perform(multi, &running) != CURLM_OK) return CURLE_FAILED_INIT;
    if (running != 0) curl_multi_poll(multi, nullptr, 0, kPollIntervalMs, nullptr);
  }
  CURLcode result = CURLE_OK;
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
    if (message->msg == CURLMSG_DONE && message->easy_handle == easy) result = message->data.result;
  }
  return result;
}

Error transfer_error(CURLcode code, const Request& request, const Hop& hop, const Transfer& transfer) {
  const std::string what = describe_request(request, hop.url);
  const std::string detail = transfer.error_buffer[0] != '\0' ? transfer.error_buffer : curl_easy_strerror(code);
  if (transfer.interrupted) return make_error(ErrorKind::interrupted, what + " interrupted");
  if (!transfer.refused_address.empty()) {
    return private_address_refused(request, parse_url(hop.url).value(), transfer.refused_address);
  }
  if (transfer.too_large) {
    const std::size_t cap = transfer.max_body;
    return make_error(ErrorKind::too_large, what + ": response body exceeds " + std::to_string(cap) + " bytes");
  }
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return make_error(ErrorKind::timeout, what + " timed out: " + detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
      return make_error(ErrorKind::invalid_argument, what + ": not an http/https URL: " + detail);
    case CURLE_URL_MALFORMAT: return make_error(ErrorKind::invalid_argument, what + ": malformed URL: " + detail);
    default: return make_error(ErrorKind::network, what + " failed: " + detail);
  }
}

void fill_response_info(CURL* easy, Response& response) {
  long status = 0;
  char* effective = nullptr;
  curl_off_t connect = 0;
  curl_off_t first_byte = 0;
  curl_off_t total = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect);
  curl_easy_getinfo(easy, CURLINFO_STARTTRANSFER_TIME_T, &first_byte);
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &total);
  response.status = static_cast<int>(status);
  if (effective != nullptr) response.effective_url = effective;
  response.timings.connect = std::chrono::microseconds(connect);
  response.timings.first_byte = std::chrono::microseconds(first_byte);
  response.timings.total = std::chrono::microseconds(total);
}

}  // namespace

struct CurlTransport::Impl {
  CurlOptions options;
  MultiHandle multi;
  EasyHandle easy;
  CurlStats stats;
  std::mutex mutex;

  // One transfer, no redirect followed; the caller holds `mutex`.
  Result<Response> send_hop(const Request& request, const Hop& hop);
};

Result<Response> CurlTransport::Impl::send_hop(const Request& request, const Hop& hop) {
  CURL* handle = easy.get();
  curl_easy_reset(handle);
  Transfer transfer;
  // A request's own cap can only lower the configured one (HTTP_MAX_BODY_BYTES).
  transfer.max_body = std::min(request.max_body_bytes.value_or(options.max_body_bytes), options.max_body_bytes);
  transfer.needs_public_address = needs_public_address(request, parse_url(hop.url).value());
  const Slist headers = build_header_list(request, hop, options);
  const std::string userpwd = request.aws_sigv4
                                  ? request.aws_sigv4->access_key_id + ":" + request.aws_sigv4->secret_access_key
                                  : std::string();
  configure_handle(handle, request, hop, options, transfer, headers.get(), userpwd);
  const CURLcode code = perform(multi.get(), handle, transfer);
  long connects = 0;
  curl_easy_getinfo(handle, CURLINFO_NUM_CONNECTS, &connects);
  stats.requests += 1;
  stats.connections_opened += static_cast<std::uint64_t>(connects);
  if (code != CURLE_OK) {
    Error error = transfer_error(code, request, hop, transfer);
    log::debug(error.message);
    return error;
  }
  fill_response_info(handle, transfer.response);
  stats.body_bytes += transfer.response.body.size();
  log::debug(describe_request(request, hop.url) + " -> " + std::to_string(transfer.response.status) + " (" +
             std::to_string(transfer.response.body.size()) + " bytes)");
  return std::move(transfer.response);
}

CurlTransport::CurlTransport(CurlOptions options) : impl_(std::make_unique<Impl>()) {
  ensure_curl_global();
  impl_->options = std::move(options);
  impl_->multi.reset(curl_multi_init());
  impl_->easy.reset(curl_easy_init());
  if (!impl_->multi || !impl_->easy) throw std::runtime_error("libcurl initialisation failed");
}

CurlTransport::~CurlTransport() = default;
CurlTransport::CurlTransport(CurlTransport&&) noexcept = default;
CurlTransport& CurlTransport::operator=(CurlTransport&&) noexcept = default;

const CurlOptions& CurlTransport::options() const { return impl_->options; }

CurlStats CurlTransport::stats() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->stats;
}

Result<Response> CurlTransport::send(const Request& request) {
  auto hop = first_hop(request);
  if (!hop.ok()) return std::move(hop).error();
  if (interrupted()) {
    return make_error(ErrorKind::interrupted, describe_request(request, request.url) + " not sent: interrupted");
  }
  const std::lock_guard lock(impl_->mutex);
  const int max_redirects = static_cast<int>(impl_->options.max_redirects);
  std::chrono::microseconds total{0};
  for (int redirects = 0;; ++redirects) {
    auto response = impl_->send_hop(request, *hop);
    if (!response.ok()) return response;
    total += response->timings.total;
    const auto location = response->headers.get("Location");
    if (!request.follow_redirects || !is_redirect_status(response->status) || !location) {
      response->redirect_count = redirects;
      response->timings.total = total;
      return response;
    }
    if (redirects >= max_redirects) return too_many_redirects(request, max_redirects, response->status);
    hop = next_hop(request, *hop, response->status, *location);
    if (!hop.ok()) {
      log::debug(hop.error().message);
      return std::move(hop).error();
    }
  }
}

Result<CurlOptions> curl_options_from_env() {
  CurlOptions options;
  constexpr long long kDay = 24LL * 3600 * 1000;
  auto connect = env_integer("HTTP_CONNECT_TIMEOUT_MS", 1, kDay);
  if (!connect.ok()) return std::move(connect).error();
  auto total = env_integer("HTTP_TIMEOUT_MS", 1, kDay);
  if (!total.ok()) return std::move(total).error();
  auto cap = env_integer("HTTP_MAX_BODY_BYTES", 1, 1LL << 40);
  if (!cap.ok()) return std::move(cap).error();
  if (const auto& v = connect.value()) options.connect_timeout = std::chrono::milliseconds(*v);
  if (const auto& v = total.value()) options.timeout = std::chrono::milliseconds(*v);
  if (const auto& v = cap.value()) options.max_body_bytes = static_cast<std::size_t>(*v);
  auto user_agent = user_agent_from_env("USER_AGENT", options.user_agent);
  if (!user_agent.ok()) return std::move(user_agent).error();
  options.user_agent = std::move(user_agent).value();
  auto ip_resolve = ip_resolve_from_env();
  if (!ip_resolve.ok()) return std::move(ip_resolve).error();
  options.ip_resolve = *ip_resolve;
  return options;
}

}  // namespace scrapers::http
