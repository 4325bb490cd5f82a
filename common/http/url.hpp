// Absolute http(s) URLs: parsing, validation, relative resolution, query encoding.
//
// parse_url() accepts only absolute http:// or https:// URLs with a host and no
// user-info; anything else is an invalid_argument error naming the input. Hosts and
// schemes are lower-cased, the default port is filled in, the fragment is dropped.
// resolve_url() follows RFC 3986 section 5.2 (dot segments removed) and re-validates
// the result, so a page cannot steer a program to file:// or javascript: URLs.
// encode_query_component() keeps RFC 3986 unreserved bytes, writes spaces as '+'
// and percent-encodes everything else with upper-case hex.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::http {

struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower-case; IPv6 literals keep their brackets
  int port = 0;        // explicit or the scheme's default
  std::string path;    // starts with '/', "/" when the URL has none
  std::string query;   // without the '?', "" when absent

  bool default_port() const { return port == (scheme == "https" ? 443 : 80); }
  std::string origin() const;          // "https://host[:port]"
  std::string path_and_query() const;  // "/a/b?x=1"
  std::string to_string() const;       // origin() + path_and_query()
};

Result<Url> parse_url(std::string_view text);

// `href` (absolute, scheme-relative, absolute-path, relative or query-only) against
// an absolute http(s) `base`. The result must itself be http(s).
Result<std::string> resolve_url(std::string_view base, std::string_view href);

// Same scheme, host and port. False when either does not parse.
bool same_origin(std::string_view url, std::string_view base);
// Same host, ignoring scheme, port and a leading "www.". False when either does not parse.
bool same_host(std::string_view url, std::string_view base);

std::string encode_query_component(std::string_view text);
// Inverse of encode_query_component ('+' is a space; bad escapes are kept verbatim).
std::string decode_query_component(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// "k=v&k2=v2" in the given order, both sides encoded.
std::string build_query(const QueryParams& params);
// Splits and decodes "k=v&k2" (a key without '=' has an empty value).
QueryParams parse_query(std::string_view query);

}  // namespace scrapers::http
