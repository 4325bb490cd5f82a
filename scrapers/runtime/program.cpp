#include "scrapers/runtime/program.hpp"

#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "scrapers/runtime/job_runner.hpp"

namespace scrapers::runtime {

int run_program(const http::TransportSettings& transport, const ProgramBody& body) {
  install_interrupt_handlers();
  auto db = connect_database();
  if (!db) {
    log::error(db.error().describe());
    return db.error().kind == ErrorKind::invalid_argument ? exit_code::usage : exit_code::job_failed;
  }
  auto bundle = ServiceBundle::from_env(transport);
  if (!bundle) {
    log::error("configuration: " + bundle.error().describe());
    return exit_code::usage;
  }
  Services services = bundle.value()->services();
  return body(db.value(), services);
}

}  // namespace scrapers::runtime
