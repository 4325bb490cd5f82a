#include "scrapers/dashboard/listen_address.hpp"

#include <arpa/inet.h>

#include <charconv>

namespace scrapers::dashboard {
namespace {

Error bad(std::string_view text, std::string_view why) {
  return make_error(ErrorKind::invalid_argument,
                    "--listen '" + std::string(text.substr(0, 64)) + "': " + std::string(why));
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

}  // namespace

bool ListenAddress::is_loopback() const {
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

std::string ListenAddress::url(int bound_port) const {
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(bound_port);
}

Result<ListenAddress> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad(text, "expected HOST:PORT, e.g. 127.0.0.1:8080");
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  ListenAddress address;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), address.port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || address.port < 0 ||
      address.port > 65535) {
    return bad(text, "the port must be a number from 0 to 65535");
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    address.host = std::string(host.substr(1, host.size() - 2));
    in6_addr v6{};
    if (inet_pton(AF_INET6, address.host.c_str(), &v6) != 1) return bad(text, "not an IPv6 address");
    return address;
  }
  if (host.empty()) return bad(text, "the host is missing (use 127.0.0.1 or 0.0.0.0)");
  for (char c : host) {
    if (!is_name_char(c)) return bad(text, "not a host name or IPv4 address (IPv6 goes in brackets)");
  }
  address.host = std::string(host);
  return address;
}

}  // namespace scrapers::dashboard
