#include "common/http/browser_headers.hpp"

#include <utility>

#include "common/util/env.hpp"

namespace scrapers::http {
namespace {

constexpr std::string_view kNavigationAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
    "application/signed-exchange;v=b3;q=0.7";
constexpr std::string_view kAcceptLanguage = "en-US,en;q=0.9";

void add_missing(Headers& headers, std::string name, std::string_view value) {
  if (!headers.has(name)) headers.add(std::move(name), std::string(value));
}

// The request asks for a page (no Accept of its own, or one naming HTML).
bool is_navigation(const Headers& headers) {
  const auto accept = headers.get("Accept");
  return !accept || accept->find("text/html") != std::string::npos;
}

}  // namespace

void add_browser_headers(Headers& headers, std::string_view user_agent) {
  const bool navigation = is_navigation(headers);
  if (user_agent == kDefaultUserAgent) {
    const std::string major(kBrowserChromeMajor);
    add_missing(headers, "sec-ch-ua",
                "\"Google Chrome\";v=\"" + major + "\", \"Chromium\";v=\"" + major +
                    "\", \"Not A(Brand\";v=\"24\"");
    add_missing(headers, "sec-ch-ua-mobile", "?0");
    add_missing(headers, "sec-ch-ua-platform", "\"Windows\"");
  }
  if (navigation) add_missing(headers, "Upgrade-Insecure-Requests", "1");
  add_missing(headers, "User-Agent", user_agent);
  add_missing(headers, "Accept", kNavigationAccept);
  if (navigation) {
    add_missing(headers, "Sec-Fetch-Site", "none");
    add_missing(headers, "Sec-Fetch-Mode", "navigate");
    add_missing(headers, "Sec-Fetch-User", "?1");
    add_missing(headers, "Sec-Fetch-Dest", "document");
  }
  add_missing(headers, "Accept-Language", kAcceptLanguage);
}

std::string user_agent_problem(std::string_view value) {
  if (value.size() > kMaxUserAgentBytes) {
    return "is longer than " + std::to_string(kMaxUserAgentBytes) + " bytes";
  }
  if (value.find_first_not_of(' ') == std::string_view::npos) return "is blank";
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\r' || byte == '\n') return "contains a line break";
    if (byte < 0x20 || byte == 0x7F) return "contains a control character";
    if (byte > 0x7F) return "contains a non-ASCII character";
  }
  return {};
}

Result<std::string> user_agent_from_env(const char* variable, std::string_view fallback) {
  const auto value = env::get(variable);
  if (!value) return std::string(fallback);
  if (const std::string problem = user_agent_problem(*value); !problem.empty()) {
    return make_error(ErrorKind::invalid_argument, std::string(variable) + " " + problem +
                                                       " (a User-Agent is printable ASCII, at most " +
                                                       std::to_string(kMaxUserAgentBytes) + " bytes)");
  }
  return *value;
}

bool is_app_user_agent(std::string_view value) {
  const std::size_t space = value.rfind(" v");
  if (space == std::string_view::npos || space == 0 || value.front() == ' ') return false;
  const std::string_view version = value.substr(space + 2);
  bool digit_before = false;
  for (const char c : version) {
    if (c >= '0' && c <= '9') {
      digit_before = true;
    } else if (c == '.' && digit_before) {
      digit_before = false;
    } else {
      return false;
    }
  }
  return digit_before;
}

}  // namespace scrapers::http
