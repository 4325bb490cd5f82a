// Timestamps typed by people for --run-at: ISO 8601 or "YYYY-MM-DD HH:MM[:SS]".
//
// parse_timestamp() accepts a date, 'T' or a space, HH:MM with optional :SS and an
// optional fraction of a second, then an optional zone: 'Z', or +HH:MM, +HHMM, +HH (or
// '-'). Without a zone the time is UTC. Out-of-range fields (month 13, February 30,
// hour 24, minute 60) and anything else are an invalid_argument Error quoting the text.
#pragma once

#include <chrono>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::admin {

Result<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text);

}  // namespace scrapers::admin
