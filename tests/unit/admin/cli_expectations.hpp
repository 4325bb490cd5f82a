// What the pipeline-jobs CLI tests expect of a parse: options, or a one-line usage error.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "scrapers/admin/cli.hpp"

namespace scrapers::admin {

// The options `line` parses to (a failed expectation when it does not parse).
inline Options parsed(const std::string& line) {
  auto outcome = parse_cli(line);
  EXPECT_TRUE(outcome.options.has_value()) << line << ": " << outcome.message;
  return outcome.options.value_or(Options{});
}

// `line` is a usage error (exit 2) of one line mentioning `mentions`, with no help text.
inline void expect_usage_error(const std::string& line, const std::string& mentions) {
  auto outcome = parse_cli(line);
  EXPECT_FALSE(outcome.options.has_value()) << line;
  EXPECT_EQ(outcome.exit_code, 2) << line;
  EXPECT_NE(outcome.message.find(mentions), std::string::npos) << line << " -> " << outcome.message;
  EXPECT_EQ(outcome.message.find('\n'), std::string::npos) << "one line: " << outcome.message;
  EXPECT_TRUE(outcome.output.empty()) << "no help text printed: " << line;
}

}  // namespace scrapers::admin
