#include "common/http/redirect_policy.hpp"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <string>

#include "common/http/host_twins.hpp"
#include "common/http/public_address.hpp"
#include "common/http/redact.hpp"

namespace scrapers::http {
namespace {

bool is_localhost_name(std::string_view host) {
  constexpr std::string_view kSuffix = ".localhost";
  return host == "localhost" ||
         (host.size() > kSuffix.size() && host.substr(host.size() - kSuffix.size()) == kSuffix);
}

// A host that is private whatever DNS says: a loopback name or a non-public IP literal.
bool is_private_host(const std::string& host) {
  if (is_localhost_name(host)) return true;
  std::array<std::uint8_t, 4> v4{};
  if (inet_pton(AF_INET, host.c_str(), v4.data()) == 1) return !is_public_ipv4(v4);
  if (host.size() > 2 && host.front() == '[') {
    std::array<std::uint8_t, 16> v6{};
    const std::string inner = host.substr(1, host.size() - 2);
    if (inet_pton(AF_INET6, inner.c_str(), v6.data()) == 1) return !is_public_ipv6(v6);
  }
  return false;
}

bool is_trusted(const Request& request, const Url& hop) {
  return !request.trusted_host.empty() && hop.host == request.trusted_host;
}

// What a refusal may name of a hop: never the query, and for downloads not the path.
std::string shown_target(const Request& request, const Url& target) {
  return request.reach == Reach::download ? target.origin() : target.origin() + target.path;
}

Error refused(const Request& request, const Url& target, std::string_view why) {
  return make_error(ErrorKind::invalid_argument, describe_request(request, request.url) + ": refused " +
                                                     shown_target(request, target) + " (" + std::string(why) +
                                                     ")");
}

// The checks every hop of a download passes, the first one included.
Status check_download_hop(const Request& request, const Url& hop) {
  if (request.reach != Reach::download || is_trusted(request, hop)) return Ok{};
  if (hop.scheme != "https") return refused(request, hop, "downloads go only over https");
  if (is_private_host(hop.host)) return refused(request, hop, "downloads go only to public addresses");
  return Ok{};
}

}  // namespace

bool is_redirect_status(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

std::string describe_request(const Request& request, std::string_view url) {
  if (request.reach == Reach::download) {
    if (auto parsed = parse_url(url); parsed.ok()) return request.method + " " + parsed->origin();
  }
  return request.method + " " + redact_url(url);
}

Result<Hop> first_hop(const Request& request) {
  auto url = parse_url(request.url);
  if (!url.ok()) {
    return make_error(ErrorKind::invalid_argument,
                      describe_request(request, request.url) + ": " + url.error().message);
  }
  if (auto checked = check_download_hop(request, *url); !checked.ok()) return std::move(checked).error();
  return Hop{request.method, request.url, false};
}

Result<Hop> next_hop(const Request& request, const Hop& current, int status, std::string_view location) {
  auto resolved = resolve_url(current.url, location);
  if (!resolved.ok()) {
    return make_error(ErrorKind::invalid_argument, describe_request(request, request.url) +
                                                       ": refused a redirect: " + resolved.error().message);
  }
  const Url from = parse_url(current.url).value();
  const Url to = parse_url(*resolved).value();
  if (from.scheme == "https" && to.scheme == "http") return refused(request, to, "a redirect from https to http");
  if (request.reach == Reach::site) {
    const Url origin = parse_url(request.url).value();
    if (!same_site_host(to.host, origin.host)) {
      return refused(request, to,
                     "a redirect to another host; site requests stay on " + origin.host + " and its twins");
    }
  }
  if (auto checked = check_download_hop(request, to); !checked.ok()) return std::move(checked).error();
  Hop next{current.method, std::move(*resolved), current.drop_body};
  if (status == 303 || ((status == 301 || status == 302) && current.method == "POST")) {
    next.method = "GET";
    next.drop_body = true;
  }
  return next;
}

bool needs_public_address(const Request& request, const Url& hop) {
  return request.reach == Reach::download && !is_trusted(request, hop);
}

Error too_many_redirects(const Request& request, int max_redirects, int last_status) {
  Error error = make_error(ErrorKind::http_status, describe_request(request, request.url) + ": more than " +
                                                       std::to_string(max_redirects) + " redirects (last status " +
                                                       std::to_string(last_status) + ")");
  error.http_status = last_status;
  return error;
}

Error private_address_refused(const Request& request, const Url& hop, std::string_view address) {
  return refused(request, hop,
                 "it resolved to " + std::string(address) + "; downloads go only to public addresses");
}

}  // namespace scrapers::http
