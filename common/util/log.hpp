// Line-oriented logging to stderr: "2026-11-28T17:00:00Z INFO  message".
//
// One line per call, written with a single write() so lines from concurrent
// processes never interleave mid-line. LOG_LEVEL (debug|info|warn|error) filters;
// default info. Never pass secrets here: callers mask them first (see mask_secret).
// Remote text cannot drive the terminal: control characters in a message (ESC, the C1
// CSI U+009B, newline, ...) are written escaped, e.g. "\x1b[2J" and "\n"
// (common/text/control_chars.hpp); only the status line's own sequences are raw. A
// closed stderr loses lines quietly.
#pragma once

#include <string_view>

namespace scrapers::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };

void set_level(Level level);
Level level();
// Reads LOG_LEVEL; unknown values keep the current level.
void configure_from_env();

void write(Level level, std::string_view message);
inline void debug(std::string_view m) { write(Level::debug, m); }
inline void info(std::string_view m) { write(Level::info, m); }
inline void warn(std::string_view m) { write(Level::warn, m); }
inline void error(std::string_view m) { write(Level::error, m); }

// A status line (progress bar) kept at the bottom of a terminal: log lines are
// written above it and it is redrawn after each. No-op when stderr is not a terminal.
void set_status_line(std::string_view line);
void clear_status_line();
bool stderr_is_terminal();

}  // namespace scrapers::log
