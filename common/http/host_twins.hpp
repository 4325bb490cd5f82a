// Which host names are one site: a host and its "www." twin, and the known sister
// domains of a site that serves the same pages under another name.
//
// same_site_host(a, b) holds when the two names (ASCII case ignored) are equal after
// dropping a leading "www." and mapping each known sister domain to its site's main
// domain. The only sisters known are chereads.com and cherreads.com (double r: the
// site also serves under www.cherreads.com). Everything else is compared as is, so
// a lookalike of another site never passes.
#pragma once

#include <string>
#include <string_view>

namespace scrapers::http {

// The site's main domain for `host`: lower-cased, "www." dropped, sister mapped.
std::string site_domain(std::string_view host);

bool same_site_host(std::string_view a, std::string_view b);

}  // namespace scrapers::http
