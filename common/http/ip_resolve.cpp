#include "common/http/ip_resolve.hpp"

#include <string>

#include "common/text/ascii.hpp"
#include "common/util/env.hpp"

namespace scrapers::http {

std::string_view to_string(IpResolve resolve) {
  switch (resolve) {
    case IpResolve::v4: return "v4";
    case IpResolve::v6: return "v6";
    case IpResolve::any: break;
  }
  return "any";
}

Result<IpResolve> parse_ip_resolve(std::string_view text) {
  for (const IpResolve resolve : {IpResolve::any, IpResolve::v4, IpResolve::v6}) {
    if (text::iequals_ascii(text, to_string(resolve))) return resolve;
  }
  std::string shown;  // printable and short, so the error stays one line
  for (const char c : text.substr(0, 40)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
  return make_error(ErrorKind::invalid_argument,
                    std::string(kIpResolveVariable) + " must be v4, v6 or any, not '" + shown + "'");
}

Result<IpResolve> ip_resolve_from_env() {
  const auto value = env::get(kIpResolveVariable);
  if (!value) return IpResolve::any;
  return parse_ip_resolve(*value);
}

}  // namespace scrapers::http
