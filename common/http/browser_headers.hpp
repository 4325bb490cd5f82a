// How site requests present themselves: as the current desktop Chrome the original
// worker drove (Playwright, Chrome UA, locale en-US), so sites see what a reader's
// browser sends.
//
// add_browser_headers() adds, to the headers a request does not set itself (its own
// values always win): User-Agent, Accept (an HTML navigation's unless the request
// set one), Accept-Language "en-US,en;q=0.9", Upgrade-Insecure-Requests and the
// Sec-Fetch-* quartet of a top-level navigation (or of a same-origin fetch() when the
// request's own Accept asks for something other than HTML, e.g. a JSON API), and,
// only with the built-in User-Agent, Chrome's sec-ch-ua client hints (a different
// User-Agent would contradict them). Accept-Encoding is left to the transport.
//
// user_agent_from_env() reads a User-Agent override (USER_AGENT,
// OPENSUBTITLES_USER_AGENT): unset or empty gives the fallback; a value with a
// byte outside printable ASCII (CR, LF, any control, non-ASCII) or longer than
// kMaxUserAgentBytes, or blank, is invalid_argument naming the variable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/http/message.hpp"
#include "common/util/error.hpp"

namespace scrapers::http {

// Desktop Chrome (stable) on Windows, in the reduced form Chrome itself sends.
inline constexpr std::string_view kBrowserChromeMajor = "143";
inline constexpr std::string_view kDefaultUserAgent =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 "
    "Safari/537.36";
inline constexpr std::size_t kMaxUserAgentBytes = 512;

void add_browser_headers(Headers& headers, std::string_view user_agent);

// Empty when `value` may be sent as a User-Agent, else why not ("contains a control
// character", ...).
std::string user_agent_problem(std::string_view value);

Result<std::string> user_agent_from_env(const char* variable, std::string_view fallback);

// True for an application User-Agent of the form the OpenSubtitles REST API asks for:
// a name, one space, 'v' and a dotted version ("ChapterBridge v1.0.0", "MyApp v0.1").
bool is_app_user_agent(std::string_view value);

}  // namespace scrapers::http
