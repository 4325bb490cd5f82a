#include "common/http/retry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "common/http/env_number.hpp"
#include "common/http/redact.hpp"
#include "common/util/log.hpp"

namespace scrapers::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  static constexpr const char* formats[] = {
      "%a, %d %b %Y %H:%M:%S GMT",  // IMF-fixdate
      "%A, %d-%b-%y %H:%M:%S GMT",  // RFC 850
      "%a %b %d %H:%M:%S %Y",       // asctime
  };
  const std::string value(text);
  for (const char* format : formats) {
    std::tm tm{};
    const char* end = strptime(value.c_str(), format, &tm);
    if (end == nullptr || !trim(end).empty()) continue;
    const std::time_t seconds = timegm(&tm);
    if (seconds == static_cast<std::time_t>(-1)) continue;
    return std::chrono::system_clock::from_time_t(seconds);
  }
  return std::nullopt;
}

bool is_idempotent(std::string_view method) { return method != "POST" && method != "PATCH"; }

// Why `result` deserves another attempt, or nullopt.
std::optional<std::string> retry_reason(const Request& request, const Result<Response>& result) {
  const bool idempotent = is_idempotent(request.method);
  if (result.ok()) {
    const int status = result->status;
    if (!is_retryable_status(status) || (!idempotent && !is_refused_before_acting(status))) return std::nullopt;
    return std::to_string(status);
  }
  const Error& error = result.error();
  if (!error.retryable()) return std::nullopt;
  if (error.kind == ErrorKind::http_status) {
    if (!idempotent && !is_refused_before_acting(error.http_status)) return std::nullopt;
    return std::to_string(error.http_status);
  }
  if (!idempotent) return std::nullopt;
  return error.kind == ErrorKind::timeout ? std::string("timeout") : std::string("network error");
}

std::string seconds_text(std::chrono::milliseconds wait) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(wait.count()) / 1000.0);
  return buffer;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    long long seconds = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    constexpr long long kMaxSeconds = 10LL * 365 * 24 * 3600;
    if (ec == std::errc::result_out_of_range || seconds > kMaxSeconds) seconds = kMaxSeconds;
    else if (ec != std::errc{} || ptr != value.data() + value.size()) return std::nullopt;
    return std::chrono::milliseconds(seconds * 1000);
  }
  const auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(*date - now);
}

Result<RetryPolicy> retry_policy_from_env() {
  RetryPolicy policy;
  auto attempts = env_integer("HTTP_MAX_ATTEMPTS", 1, 20);
  if (!attempts.ok()) return std::move(attempts).error();
  auto base = env_integer("HTTP_RETRY_BASE_MS", 0, 600000);
  if (!base.ok()) return std::move(base).error();
  auto max_wait = env_integer("HTTP_RETRY_MAX_WAIT_MS", 0, 24LL * 3600 * 1000);
  if (!max_wait.ok()) return std::move(max_wait).error();
  if (const auto& v = attempts.value()) policy.max_attempts = static_cast<int>(*v);
  if (const auto& v = base.value()) policy.base_delay = std::chrono::milliseconds(*v);
  if (const auto& v = max_wait.value()) {
    policy.max_delay = std::chrono::milliseconds(*v);
    policy.max_retry_after = std::chrono::milliseconds(*v);
  }
  return policy;
}

RetryingTransport::RetryingTransport(std::unique_ptr<Transport> inner, Clock& clock, RetryPolicy policy,
                                     std::uint64_t seed)
    : inner_(std::move(inner)), clock_(clock), policy_(policy), rng_(seed) {
  policy_.max_attempts = std::max(policy_.max_attempts, 1);
  policy_.jitter = std::clamp(policy_.jitter, 0.0, 1.0);
}

std::chrono::milliseconds RetryingTransport::backoff(int attempt) {
  const double exponent = static_cast<double>(std::max(attempt, 1) - 1);
  const double raw = static_cast<double>(policy_.base_delay.count()) * std::pow(policy_.multiplier, exponent);
  const double capped = std::min(raw, static_cast<double>(policy_.max_delay.count()));
  std::uniform_real_distribution<double> spread(-policy_.jitter, policy_.jitter);
  const double factor = policy_.jitter > 0 ? 1.0 + spread(rng_) : 1.0;
  return std::chrono::milliseconds(static_cast<long long>(std::llround(capped * factor)));
}

Result<Response> RetryingTransport::send(const Request& request) {
  for (int attempt = 1;; ++attempt) {
    Result<Response> result = inner_->send(request);
    const auto reason = retry_reason(request, result);
    if (!reason || attempt >= policy_.max_attempts) return result;
    std::chrono::milliseconds wait = backoff(attempt);
    if (result.ok()) {
      if (const auto header = result->headers.get("Retry-After")) {
        if (const auto asked = parse_retry_after(*header, clock_.wall_now())) {
          wait = std::min(*asked, policy_.max_retry_after);
        }
      }
    }
    const std::string what = request.method + " " + redact_url(request.url);
    log::warn(what + " attempt " + std::to_string(attempt + 1) + "/" + std::to_string(policy_.max_attempts) +
              " after " + *reason + ", waiting " + seconds_text(wait));
    if (!clock_.sleep_for(wait)) {
      return make_error(ErrorKind::interrupted, what + ": interrupted while waiting to retry");
    }
  }
}

}  // namespace scrapers::http
