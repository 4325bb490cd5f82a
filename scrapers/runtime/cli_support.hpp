// Shared CLI11 handling for the programs' cli files (the only files that include
// CLI11: it is heavy to compile). parse_cli() runs a parse call and maps the result
// to the suite's conventions (parsed_cli.hpp): --help/--version give their text and
// exit 0; a bad flag or value, or a failed validation, gives one line naming it and
// exit 2 — before anything touches the database. Nothing is printed here.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/util/version.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::runtime {

using ::scrapers::kSuiteVersion;

// `parse` calls app.parse(...) and fills `options`; `validate` returns an error
// message for invalid combinations (empty = valid) and may complete `options` from
// what CLI11 parsed.
template <class Options>
ParsedCli<Options> parse_cli(CLI::App& app, Options& options, const std::function<void()>& parse,
                             const std::function<std::string(Options&)>& validate) {
  ParsedCli<Options> result;
  try {
    parse();
  } catch (const CLI::CallForHelp&) {
    result.output = app.help();
    return result;
  } catch (const CLI::CallForAllHelp&) {
    result.output = app.help("", CLI::AppFormatMode::All);
    return result;
  } catch (const CLI::CallForVersion& e) {
    result.output = std::string(e.what()) + "\n";
    return result;
  } catch (const CLI::ParseError& e) {
    return ParsedCli<Options>::usage_error(e.what());
  }
  if (std::string problem = validate(options); !problem.empty()) {
    return ParsedCli<Options>::usage_error(std::move(problem));
  }
  result.options = options;
  return result;
}

// `--version` printing "<program> <suite version>".
inline void add_version_flag(CLI::App& app) {
  app.set_version_flag("--version", app.get_name() + " " + kSuiteVersion);
}

// Parses argv-style arguments (without the program name) with `app`.
inline void parse_args(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 2.1 wants them reversed
  app.parse(reversed);
}

// A program's whole parser: builds its CLI11 app over fresh options (`make_app`),
// parses `command_line` and checks the result (`validate`, as in parse_cli).
template <class Options>
ParsedCli<Options> parse_command_line(const CommandLine& command_line,
                                      const std::function<std::unique_ptr<CLI::App>(Options&)>& make_app,
                                      const std::function<std::string(Options&)>& validate) {
  Options options;
  std::unique_ptr<CLI::App> app = make_app(options);
  return parse_cli<Options>(
      *app, options,
      [&] {
        if (const auto* args = std::get_if<std::vector<std::string>>(&command_line)) {
          parse_args(*app, *args);
        } else {
          app->parse(std::get<std::string>(command_line), false);
        }
      },
      validate);
}

}  // namespace scrapers::runtime
