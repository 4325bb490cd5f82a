// Shared CLI11 handling for the programs' cli files (the only files that include
// CLI11: it is heavy to compile). parse_cli() runs a parse call and maps the result
// to the suite's conventions: --help/--version print and exit 0; a bad flag or
// value, or a failed validation, prints one line "<program>: <message>" (plus a hint
// to use --help) and exits 2 — before anything touches the database.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <optional>
#include <string>

#include "common/util/version.hpp"
#include "scrapers/runtime/exit_codes.hpp"

namespace scrapers::runtime {

using ::scrapers::kSuiteVersion;

// The outcome of parsing: options to run with, or an exit code to return now.
template <class Options>
struct ParsedCli {
  std::optional<Options> options;
  int exit_code = exit_code::ok;
  std::string message;  // what was printed for a usage error (for tests)
};

// `parse` calls app.parse(...) and fills `options`; `validate` returns an error
// message for invalid combinations (empty = valid).
template <class Options>
ParsedCli<Options> parse_cli(CLI::App& app, Options& options, const std::function<void()>& parse,
                             const std::function<std::string(const Options&)>& validate) {
  ParsedCli<Options> result;
  try {
    parse();
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return result;
  } catch (const CLI::CallForVersion&) {
    std::cout << app.get_name() << " " << kSuiteVersion << "\n";
    return result;
  } catch (const CLI::ParseError& e) {
    result.exit_code = exit_code::usage;
    result.message = e.what();
  }
  if (result.message.empty()) {
    result.message = validate(options);
    if (!result.message.empty()) result.exit_code = exit_code::usage;
  }
  if (result.exit_code == exit_code::usage) {
    std::cerr << app.get_name() << ": " << result.message << " (see --help)\n";
    return result;
  }
  result.options = options;
  return result;
}

inline void add_version_flag(CLI::App& app) {
  app.set_version_flag("--version", std::string(kSuiteVersion));
}

}  // namespace scrapers::runtime
