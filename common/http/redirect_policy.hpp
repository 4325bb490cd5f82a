// The redirect policy every Transport applies, hop by hop (Request::reach).
//
//   Reach::site      a redirect may go only to the request's own host or a twin of it
//                    (host_twins.hpp: its "www." twin, www.example.com <-> example.com,
//                    and a known sister domain, chereads.com <-> cherreads.com), any port;
//   Reach::download  every hop, the first included, must be https to a host that is
//                    not a private name or address (IP literals and *.localhost are
//                    judged here; names are judged again on the address the socket
//                    connects to, see is_public_address), unless the hop's host is the
//                    request's trusted_host;
//   any request      never from https to http; at most `max_redirects` hops.
// A refusal is invalid_argument with one line naming the request and the refused
// target (scheme, host, port and, for site requests, path; never a query string, and
// never a download path, which may carry a token). Both transports (curl, replay)
// walk redirects through next_hop(), so they apply exactly the same rules.
//
// trusted_host exists for one caller: the OpenSubtitles client names its configured
// API host (OPENSUBTITLES_BASE_URL), so the fixture server and the demo, which serve
// the API and its download links on http://127.0.0.1, keep working. In production that
// host is api.opensubtitles.com, a public https host anyway, so no real download link
// is exempted by it.
#pragma once

#include <string>
#include <string_view>

#include "common/http/message.hpp"
#include "common/http/url.hpp"
#include "common/util/error.hpp"

namespace scrapers::http {

// 301, 302, 303, 307, 308.
bool is_redirect_status(int status);

// One hop of a request: where it goes, with which method, and whether the original
// body still goes with it (a 303, or POST on 301/302, turns into a body-less GET).
struct Hop {
  std::string method;
  std::string url;
  bool drop_body = false;
};

// The first hop (request.method, request.url), or why the policy refuses it.
Result<Hop> first_hop(const Request& request);

// The hop after `current` answered `status` with `location`: resolved against the
// current URL and checked. invalid_argument for an unusable Location or a refusal.
Result<Hop> next_hop(const Request& request, const Hop& current, int status, std::string_view location);

// Whether the socket of this hop must connect to a public address (download hops
// other than the trusted host).
bool needs_public_address(const Request& request, const Url& hop);

// http_status error: "<method> <url>: more than <max> redirects (last status <status>)".
Error too_many_redirects(const Request& request, int max_redirects, int last_status);

// invalid_argument: "<method> <target>: refused to connect to <address> (<host>): downloads go
// only to public addresses".
Error private_address_refused(const Request& request, const Url& hop, std::string_view address);

// "<method> <url>" for error messages: redacted (redact_url), and for downloads only
// the origin (a download path may carry a token).
std::string describe_request(const Request& request, std::string_view url);

}  // namespace scrapers::http
