#include "common/http/redact.hpp"

#include <algorithm>
#include <array>

#include "common/http/url.hpp"
#include "common/text/ascii.hpp"

namespace scrapers::http {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_secret_param(std::string_view raw_name) {
  const std::string name = text::to_ascii_lower(decode_query_component(raw_name));
  static constexpr std::array<std::string_view, 17> exact = {
      "key", "apikey", "api_key", "api-key",   "auth",    "authorization", "password", "pass", "passwd",
      "pwd", "secret", "sig",     "signature", "session", "sessionid",     "sid",      "jwt"};
  if (std::find(exact.begin(), exact.end(), name) != exact.end()) return true;
  static constexpr std::array<std::string_view, 8> suffixes = {"token",    "_key",      "-key",       "secret",
                                                               "password", "signature", "credential", "_session"};
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view suffix) { return ends_with(name, suffix); });
}

bool is_secret_header(std::string_view raw_name) {
  const std::string name = text::to_ascii_lower(raw_name);
  static constexpr std::array<std::string_view, 6> exact = {
      "authorization", "proxy-authorization", "cookie", "set-cookie", "api-key", "x-api-key"};
  if (std::find(exact.begin(), exact.end(), name) != exact.end()) return true;
  static constexpr std::array<std::string_view, 6> parts = {"token",   "secret",  "apikey",
                                                            "api-key", "session", "password"};
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return name.find(part) != std::string::npos; });
}

std::string redact_query(std::string_view query) {
  std::string out;
  out.reserve(query.size());
  std::size_t pos = 0;
  while (true) {
    const auto amp = query.find('&', pos);
    const auto part = query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && is_secret_param(part.substr(0, eq))) {
      out += part.substr(0, eq + 1);
      out += kRedacted;
    } else {
      out += part;
    }
    if (amp == std::string_view::npos) break;
    out += '&';
    pos = amp + 1;
  }
  return out;
}

std::string redact_url(std::string_view url) {
  const auto question = url.find('?');
  if (question == std::string_view::npos) return std::string(url);
  const auto hash = url.find('#', question);
  std::string out(url.substr(0, question + 1));
  out += redact_query(
      url.substr(question + 1, hash == std::string_view::npos ? std::string_view::npos : hash - question - 1));
  if (hash != std::string_view::npos) out += url.substr(hash);
  return out;
}

}  // namespace scrapers::http
