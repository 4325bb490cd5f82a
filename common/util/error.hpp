// Error values shared by every module.
//
// An Error says what went wrong (kind), in words a user can act on (message), and
// where (context: a URL, a segment id, a file). Expected failures travel as
// Result<T>; ErrorException carries an Error across the job boundary when a
// failure must unwind the whole run.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace scrapers {

enum class ErrorKind {
  network,           // connection refused/reset, DNS, TLS
  timeout,           // connect or total timeout
  http_status,       // a status the caller did not accept
  blocked,           // anti-bot challenge (Cloudflare "Just a moment...")
  too_large,         // response or file above the configured cap
  bad_encoding,      // not UTF-8 and not convertible
  bad_content_type,  // e.g. HTML where JSON was expected
  layout_changed,    // page structure not recognised
  missing_field,     // structured data lacks a required field
  parse,             // malformed JSON/HTML/number
  invalid_argument,  // bad user input
  not_found,         // a referenced row/file/recording does not exist
  quota_exhausted,   // API download quota reached
  unauthorized,      // 401/403 from an API
  interrupted,       // SIGINT/SIGTERM
  io,                // local filesystem
  database,          // PostgreSQL
  internal,          // broken invariant
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
  std::string context;
  int http_status = 0;  // when kind == http_status (and for blocked/quota), else 0

  // Worth retrying the same request: network errors, timeouts and the transient statuses.
  bool retryable() const;
  // "<message> (<context>)" — one line, suitable for logs and the job's error column.
  std::string describe() const;
};

Error make_error(ErrorKind kind, std::string message, std::string context = {});

// The HTTP statuses worth another attempt, for any request: 408, 425, 429, 500, 502,
// 503 and 504 (a timeout, "too early", rate limiting, a server or gateway failure);
// never any other 4xx. Error::retryable() and the retrying transport both use it.
bool is_retryable_status(int status) noexcept;
// The subset where the server refused before acting (408, 425, 429, 503): the only
// statuses after which a request that is not idempotent (POST, PATCH) may be resent.
bool is_refused_before_acting(int status) noexcept;

// Thrown to unwind to the job boundary; the JobGuard records describe() as the job error.
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error error);
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Result<T>: either a value or an Error. Deliberately small.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(implicit)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(implicit)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return checked(); }
  const T& value() const& { return const_cast<Result*>(this)->checked(); }
  T&& value() && { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checked(); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->checked(); }
  T&& operator*() && { return std::move(checked()); }

  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

  // The value, or throw ErrorException with the error.
  T value_or_throw() && {
    if (!ok()) throw ErrorException(std::get<1>(std::move(state_)));
    return std::get<0>(std::move(state_));
  }

 private:
  T& checked() {
    if (!ok()) throw ErrorException(std::get<1>(state_));
    return std::get<0>(state_);
  }
  std::variant<T, Error> state_;
};

// The value of `result`, or throw ErrorException with its error (for code that
// unwinds to the job boundary on any failure).
template <class T>
T or_throw(Result<T> result) {
  return std::move(result).value_or_throw();
}

struct Ok {};
using Status = Result<Ok>;

}  // namespace scrapers
