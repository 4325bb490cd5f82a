// Who may act: the dashboard's DASHBOARD_TOKEN, the sessions a login opens and their
// CSRF tokens.
//
// Guarantees: without a token (empty or unset) no session can ever be opened, so every
// action is refused. login() compares the candidate with the token in constant time
// (both are hashed first, so neither length nor content leaks through timing) and opens
// a session with two fresh random 256-bit values: the session id (the cookie) and its
// CSRF token. Sessions are kept by the hash of their id, expire after 12 hours, and at
// most 256 are kept (the oldest goes). Nothing here logs the token or a session id.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::dashboard {

inline constexpr const char* kSessionCookie = "dashboard_session";

struct Session {
  std::string id;    // the cookie's value
  std::string csrf;  // sent back in X-CSRF-Token on every POST
  std::chrono::steady_clock::time_point created;
};

class Sessions {
 public:
  explicit Sessions(std::optional<std::string> token);

  bool actions_enabled() const { return token_.has_value(); }
  // A new session when `candidate` is the token; nullopt otherwise (and always without a token).
  std::optional<Session> login(std::string_view candidate);
  // The live session named by the Cookie header's dashboard_session value.
  std::optional<Session> find(std::string_view cookie_header);
  void logout(std::string_view cookie_header);

 private:
  std::optional<std::string> token_;
  std::mutex mutex_;
  std::map<std::string, Session> by_hash_;
};

// Equal strings, compared in constant time (over their SHA-256).
bool same_secret(std::string_view a, std::string_view b);
// `bytes` random bytes from the system's CSPRNG, as lower-case hex.
std::string random_hex(std::size_t bytes);
// The value of cookie `name` in a Cookie header ("" when absent).
std::string cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace scrapers::dashboard
