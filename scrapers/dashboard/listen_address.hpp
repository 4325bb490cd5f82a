// Where the dashboard listens: "HOST:PORT" as given to --listen.
//
// parse_listen_address() accepts an IPv4 address or a name ("127.0.0.1:8080",
// "localhost:8080", "0.0.0.0:8080") or a bracketed IPv6 address ("[::1]:8080") and a port
// 0-65535 (0: any free port); anything else is an invalid_argument Error quoting the text.
// is_loopback() is true only for 127.0.0.0/8, ::1 and "localhost": every other address
// (0.0.0.0 and :: included) is reachable from other machines.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::dashboard {

struct ListenAddress {
  std::string host;  // without brackets
  int port = 8080;
  bool is_loopback() const;
  // "http://127.0.0.1:8080", with brackets for IPv6, and `port` instead of the parsed one.
  std::string url(int bound_port) const;
};

inline constexpr const char* kDefaultListen = "127.0.0.1:8080";

Result<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace scrapers::dashboard
