#include "common/http/public_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace scrapers::http {
namespace {

using V4 = std::array<std::uint8_t, 4>;
using V6 = std::array<std::uint8_t, 16>;

// `address` lies in prefix/bits.
template <std::size_t N>
bool in_prefix(const std::array<std::uint8_t, N>& address, const std::array<std::uint8_t, N>& prefix, int bits) {
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const auto mask = static_cast<std::uint8_t>(bits >= 8 ? 0xFF : 0xFF << (8 - bits));
    if ((address[i] & mask) != (prefix[i] & mask)) return false;
  }
  return true;
}

struct V4Range {
  V4 prefix;
  int bits;
};

constexpr V4Range kNotPublicV4[] = {
    {{0, 0, 0, 0}, 8},      {{10, 0, 0, 0}, 8},    {{100, 64, 0, 0}, 10},   {{127, 0, 0, 0}, 8},
    {{169, 254, 0, 0}, 16}, {{172, 16, 0, 0}, 12}, {{192, 0, 0, 0}, 24},    {{192, 0, 2, 0}, 24},
    {{192, 168, 0, 0}, 16}, {{198, 18, 0, 0}, 15}, {{198, 51, 100, 0}, 24}, {{203, 0, 113, 0}, 24},
    {{224, 0, 0, 0}, 4},    {{240, 0, 0, 0}, 4},
};

struct V6Range {
  V6 prefix;
  int bits;
};

constexpr V6Range kNotPublicV6[] = {
    {{0xfc}, 7},                     // unique local
    {{0xfe, 0x80}, 10},              // link-local
    {{0xfe, 0xc0}, 10},              // site-local (deprecated)
    {{0xff}, 8},                     // multicast
    {{0x20, 0x01, 0x0d, 0xb8}, 32},  // documentation
    {{0x01, 0x00}, 64},              // discard-only
};

V4 embedded_v4(const V6& address) { return {address[12], address[13], address[14], address[15]}; }

}  // namespace

bool is_public_ipv4(const V4& address) {
  return std::none_of(std::begin(kNotPublicV4), std::end(kNotPublicV4),
                      [&](const V4Range& range) { return in_prefix(address, range.prefix, range.bits); });
}

bool is_public_ipv6(const V6& address) {
  constexpr V6 kMapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  constexpr V6 kCompatible = {};
  constexpr V6 kNat64 = {0x00, 0x64, 0xff, 0x9b};
  if (in_prefix(address, kMapped, 96) || in_prefix(address, kNat64, 96))
    return is_public_ipv4(embedded_v4(address));
  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible addresses: none is a public peer.
  if (in_prefix(address, kCompatible, 96)) return false;
  return std::none_of(std::begin(kNotPublicV6), std::end(kNotPublicV6),
                      [&](const V6Range& range) { return in_prefix(address, range.prefix, range.bits); });
}

bool is_public_address(const sockaddr* address) {
  if (address == nullptr) return false;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    V4 bytes{};
    std::memcpy(bytes.data(), &in.sin_addr, bytes.size());
    return is_public_ipv4(bytes);
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    V6 bytes{};
    std::memcpy(bytes.data(), &in6.sin6_addr, bytes.size());
    return is_public_ipv6(bytes);
  }
  return false;
}

std::string address_text(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address == nullptr) return {};
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    if (inet_ntop(AF_INET, &in.sin_addr, text, sizeof text) == nullptr) return {};
  } else if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    if (inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text) == nullptr) return {};
  } else {
    return {};
  }
  return text;
}

}  // namespace scrapers::http
