#include "scrapers/runtime/pre_job_lookup.hpp"

#include <utility>

#include "common/util/log.hpp"

namespace scrapers::runtime {

Error does_not_exist(std::string_view thing, const std::string& id, std::string context) {
  return make_error(ErrorKind::not_found, std::string(thing) + " " + id + " does not exist", std::move(context));
}

Error lookup_failed(std::string_view what, Error cause) {
  cause.message = "cannot " + std::string(what) + ": " + cause.message;
  return cause;
}

Result<tracking::Edition> look_up_edition(tracking::Database& db, const std::string& edition_id,
                                          std::string context) {
  auto edition = tracking::find_edition(db, edition_id);
  if (!edition.ok()) return lookup_failed("look up edition " + edition_id, std::move(edition).error());
  if (!*edition) return does_not_exist("edition", edition_id, std::move(context));
  return std::move(**edition);
}

Error contradicting_arguments(std::string message, std::string context) {
  return make_error(ErrorKind::invalid_argument, std::move(message), std::move(context));
}

int refuse_arguments(tracking::Database& db, const JobSpec& spec, const Error& error) {
  if (!adopting_a_job()) {
    log::error(error.describe());
    return exit_code::usage;
  }
  (void)run_tracked_job(db, spec, [&error](JobContext&) -> JobResult { throw ErrorException(error); });
  return exit_code::usage;
}

}  // namespace scrapers::runtime
