// Whole-number options for the programs' cli files. A value is digits only — no sign,
// fraction, exponent or spaces — within [min, max]; anything else is one usage line
// such as "--limit: expected a whole number from 1 to 1000000 (got '-5')". So "-5"
// never wraps to a huge unsigned count and an enormous --delay never overflows into
// no delay at all.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
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

// Adds `name` (e.g. "--limit" or "--delay,-d") whose checked value goes to `store`.
inline CLI::Option* add_whole_number_option(CLI::App& app, const std::string& name, std::uint64_t min,
                                            std::uint64_t max, std::function<void(std::uint64_t)> store,
                                            const std::string& help) {
  const std::string shown = name.substr(0, name.find(','));
  return app.add_option_function<std::string>(
      name,
      [shown, min, max, store = std::move(store)](const std::string& text) {
        auto value = parse_whole_number(text, min, max);
        if (!value) {
          throw CLI::ValidationError(shown, "expected a whole number from " + std::to_string(min) + " to " +
                                                std::to_string(max) + " (got '" + text.substr(0, 32) + "')");
        }
        store(*value);
      },
      help);
}

}  // namespace scrapers::runtime
