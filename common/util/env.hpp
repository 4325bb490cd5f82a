// Configuration from the environment, with an optional .env file.
//
// load_dotenv() reads KEY=VALUE lines (comments, blank lines, `export ` prefixes and
// single/double quotes allowed) and sets only variables not already set, so the real
// environment always wins. Missing file is not an error.
#pragma once

#include <optional>
#include <string>

namespace scrapers::env {

// Returns the number of variables set from the file.
int load_dotenv(const std::string& path = ".env");

// The variable's value if set and non-empty.
std::optional<std::string> get(const char* name);
std::string get_or(const char* name, std::string fallback);

}  // namespace scrapers::env
