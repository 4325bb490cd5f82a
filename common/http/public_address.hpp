// Whether an IP address is a public (globally routable unicast) one.
//
// Refused as not public: IPv4 0/8, 10/8, 100.64/10 (CGNAT), 127/8, 169.254/16,
// 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16, 198.18/15, 198.51.100/24,
// 203.0.113/24, 224/4 (multicast), 240/4 and the broadcast address; IPv6 ::, ::1,
// fc00::/7 (ULA), fe80::/10 (link-local), fec0::/10, ff00::/8 (multicast),
// 2001:db8::/32, 100::/64 and ::/96 (IPv4-compatible, deprecated); an IPv6 address
// that embeds an IPv4 one (::ffff:a.b.c.d, 64:ff9b::/96 NAT64) is judged by the IPv4
// address. Pure functions over the address bytes (network order), so the check can
// run on what a socket is about to connect to.
#pragma once

#include <array>
#include <cstdint>
#include <string>

struct sockaddr;

namespace scrapers::http {

bool is_public_ipv4(const std::array<std::uint8_t, 4>& address);
bool is_public_ipv6(const std::array<std::uint8_t, 16>& address);

// AF_INET or AF_INET6 socket address; any other family is not public.
bool is_public_address(const sockaddr* address);

// The address in text ("127.0.0.1", "::1"), "" for another family.
std::string address_text(const sockaddr* address);

}  // namespace scrapers::http
