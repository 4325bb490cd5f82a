// The outcome of parsing a command line, shared by every program and pipeline-jobs:
// options to run with, or an exit code to return at once — 0 with help or version
// text for stdout, or exit_code::usage with a one-line message naming the bad
// argument. Parsing prints nothing; print_cli_outcome() does, so the same parser can
// check a command line quietly (the queue checks a job's arguments before storing it).
// This header does not include CLI11 (heavy to compile); cli_support.hpp does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scrapers/runtime/exit_codes.hpp"

namespace scrapers::runtime {

// A command line as a program receives it (argv without the program name), or as one
// string the way tests write it.
using CommandLine = std::variant<std::vector<std::string>, std::string>;

template <class Options>
struct ParsedCli {
  std::optional<Options> options;
  int exit_code = exit_code::ok;
  std::string message;  // the usage error (exit_code::usage), one line
  std::string output;   // --help / --version text (exit_code::ok without options)

  static ParsedCli usage_error(std::string why) { return {std::nullopt, exit_code::usage, std::move(why), {}}; }
};

// Writes `output` to stdout, or "<program>: <message> (see --help)" to stderr.
void print_cli_outcome(std::string_view program, int exit_code, const std::string& message,
                       const std::string& output);

template <class Options>
void print_cli_outcome(std::string_view program, const ParsedCli<Options>& parsed) {
  print_cli_outcome(program, parsed.exit_code, parsed.message, parsed.output);
}

}  // namespace scrapers::runtime
