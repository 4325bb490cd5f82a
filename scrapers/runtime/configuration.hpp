// A configuration problem a program finds itself once its arguments are accepted
// (e.g. a site's base URL from the environment): one log line "configuration: ..."
// and the usage exit status, like the problems run_program() finds. Call it before
// any job row is written.
#pragma once

#include "common/util/error.hpp"
#include "common/util/log.hpp"
#include "scrapers/runtime/exit_codes.hpp"

namespace scrapers::runtime {

inline int configuration_error(const Error& error) {
  log::error("configuration: " + error.describe());
  return exit_code::usage;
}

}  // namespace scrapers::runtime
