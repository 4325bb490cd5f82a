// Numeric options for the programs' cli files, every one with the same plain message.
// A whole number is digits only — no fraction, exponent or spaces, and no sign unless
// the range has negative values — within [min, max]; seconds are digits with an
// optional fraction. Anything else is one usage line naming the option and the range,
// such as "--limit: expected a whole number from 1 to 1000000 (got '-5')". So "-5"
// never wraps to a huge unsigned count, an enormous --delay never overflows into no
// delay at all, and no message speaks of "1.79e308".
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::runtime {

// The ranges every program shares.
inline constexpr std::uint64_t kMaxDelayMs = 3'600'000;  // one hour between requests
inline constexpr std::uint64_t kMaxLimit = 1'000'000;    // items per run

// The value of `text` when it is a whole number in [min, max].
inline std::optional<std::uint64_t> parse_whole_number(std::string_view text, std::uint64_t min,
                                                       std::uint64_t max) {
  if (text.empty() || text.size() > 19) return std::nullopt;  // 19 digits always fit in 64 bits
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

// The value of `text` when it is a whole number in [min, max]; "-" may lead it only
// when min is negative.
inline std::optional<std::int64_t> parse_signed_whole_number(std::string_view text, std::int64_t min,
                                                             std::int64_t max) {
  const bool negative = !text.empty() && text.front() == '-' && min < 0;
  if (negative) text.remove_prefix(1);
  const auto magnitude = parse_whole_number(text, 0, std::numeric_limits<std::int64_t>::max());
  if (!magnitude) return std::nullopt;
  const auto value = negative ? -static_cast<std::int64_t>(*magnitude) : static_cast<std::int64_t>(*magnitude);
  if (value < min || value > max) return std::nullopt;
  return value;
}

// Seconds as "12" or "1.5" (digits, at most three after the point) in [0, max_seconds],
// in milliseconds.
inline std::optional<std::uint64_t> parse_seconds(std::string_view text, std::uint64_t max_seconds) {
  const auto point = text.find('.');
  std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (point != std::string_view::npos && (fraction.empty() || fraction.size() > 3)) return std::nullopt;
  const auto whole = parse_whole_number(text.substr(0, point), 0, max_seconds);
  if (!whole) return std::nullopt;
  std::uint64_t ms = *whole * 1000;
  if (!fraction.empty()) {
    const auto digits = parse_whole_number(fraction, 0, 999);
    if (!digits) return std::nullopt;
    std::uint64_t scaled = *digits;
    for (std::size_t i = fraction.size(); i < 3; ++i) scaled *= 10;
    ms += scaled;
  }
  if (ms > max_seconds * 1000) return std::nullopt;
  return ms;
}

// Adds `name` (e.g. "--limit" or "--delay,-d"); `accept` takes the text and returns
// whether it was valid. Otherwise: "<name>: expected <expected> (got '<text>')".
inline CLI::Option* add_checked_option(CLI::App& app, const std::string& name, const std::string& expected,
                                       std::function<bool(const std::string&)> accept, const std::string& help) {
  const std::string shown = name.substr(0, name.find(','));
  return app.add_option_function<std::string>(
      name,
      [shown, expected, accept = std::move(accept)](const std::string& text) {
        if (!accept(text)) {
          throw CLI::ValidationError(shown, "expected " + expected + " (got '" + text.substr(0, 32) + "')");
        }
      },
      help);
}

// A whole number in [min, max] for `store`.
inline CLI::Option* add_whole_number_option(CLI::App& app, const std::string& name, std::uint64_t min,
                                            std::uint64_t max, std::function<void(std::uint64_t)> store,
                                            const std::string& help) {
  return add_checked_option(
      app, name, "a whole number from " + std::to_string(min) + " to " + std::to_string(max),
      [min, max, store = std::move(store)](const std::string& text) {
        auto value = parse_whole_number(text, min, max);
        if (value) store(*value);
        return value.has_value();
      },
      help);
}

// A whole number in [min, max], negative ones included when min < 0, into `target`.
inline CLI::Option* add_int_option(CLI::App& app, const std::string& name, int min, int max, int& target,
                                   const std::string& help) {
  return add_checked_option(
      app, name, "a whole number from " + std::to_string(min) + " to " + std::to_string(max),
      [min, max, &target](const std::string& text) {
        auto value = parse_signed_whole_number(text, min, max);
        if (value) target = static_cast<int>(*value);
        return value.has_value();
      },
      help);
}

// Seconds from 0 to max_seconds ("1.5" allowed), as milliseconds for `store`.
inline CLI::Option* add_seconds_option(CLI::App& app, const std::string& name, std::uint64_t max_seconds,
                                       std::function<void(std::uint64_t)> store, const std::string& help) {
  return add_checked_option(
      app, name, "seconds from 0 to " + std::to_string(max_seconds) + ", e.g. 1.5",
      [max_seconds, store = std::move(store)](const std::string& text) {
        auto ms = parse_seconds(text, max_seconds);
        if (ms) store(*ms);
        return ms.has_value();
      },
      help);
}

}  // namespace scrapers::runtime
