// Durations typed by people: "90" (seconds), "500ms", "15s", "5m", "2h".
//
// parse_duration() accepts a non-negative integer with an optional unit suffix
// (ms, s, m, h); anything else (negative, fractional, unknown unit, overflow, empty)
// is an invalid_argument Error quoting the text.
#pragma once

#include <chrono>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::runtime {

Result<std::chrono::milliseconds> parse_duration(std::string_view text);

// The duration in environment variable `name`, or `fallback` when it is unset. A value
// that does not parse (or is zero when `allow_zero` is false) is ignored with one
// warning naming the variable.
std::chrono::milliseconds duration_from_env(const char* name, std::chrono::milliseconds fallback,
                                            bool allow_zero = true);

}  // namespace scrapers::runtime
