#include "scrapers/runtime/pre_job_lookup.hpp"

#include <utility>

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

}  // namespace scrapers::runtime
