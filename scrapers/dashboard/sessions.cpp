#include "scrapers/dashboard/sessions.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

#include "common/util/sha256.hpp"

namespace scrapers::dashboard {
namespace {

constexpr auto kSessionLifetime = std::chrono::hours(12);
constexpr std::size_t kMaxSessions = 256;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

bool same_secret(std::string_view a, std::string_view b) {
  const std::string ha = sha256_hex(a);
  const std::string hb = sha256_hex(b);
  return CRYPTO_memcmp(ha.data(), hb.data(), ha.size()) == 0;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) throw std::runtime_error("no random bytes");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

std::string cookie_value(std::string_view header, std::string_view name) {
  std::size_t at = 0;
  while (at <= header.size()) {
    const auto end = std::min(header.find(';', at), header.size());
    const std::string_view pair = header.substr(at, end - at);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) return trim(pair.substr(eq + 1));
    at = end + 1;
  }
  return {};
}

Sessions::Sessions(std::optional<std::string> token) {
  if (token && !token->empty()) token_ = std::move(token);
}

std::optional<Session> Sessions::login(std::string_view candidate) {
  // Hash and compare even without a token, so both cases take the same time.
  const bool match = same_secret(candidate, token_.value_or(std::string()));
  if (!token_ || !match) return std::nullopt;
  Session session{random_hex(32), random_hex(32), std::chrono::steady_clock::now()};
  std::lock_guard lock(mutex_);
  if (by_hash_.size() >= kMaxSessions) {
    auto oldest = by_hash_.begin();
    for (auto it = by_hash_.begin(); it != by_hash_.end(); ++it) {
      if (it->second.created < oldest->second.created) oldest = it;
    }
    by_hash_.erase(oldest);
  }
  by_hash_[sha256_hex(session.id)] = session;
  return session;
}

std::optional<Session> Sessions::find(std::string_view cookie_header) {
  const std::string id = cookie_value(cookie_header, kSessionCookie);
  if (id.empty() || !token_) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto it = by_hash_.find(sha256_hex(id));
  if (it == by_hash_.end()) return std::nullopt;
  if (std::chrono::steady_clock::now() - it->second.created > kSessionLifetime) {
    by_hash_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void Sessions::logout(std::string_view cookie_header) {
  const std::string id = cookie_value(cookie_header, kSessionCookie);
  std::lock_guard lock(mutex_);
  by_hash_.erase(sha256_hex(id));
}

}  // namespace scrapers::dashboard
