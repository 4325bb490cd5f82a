// Looking up, before the job exists, what a run is about (so the job's ids are set at
// creation), and the errors such a lookup ends in.
//
// A failed lookup does not end the program on the spot: the job is still created, and
// its body throws the Error first thing, so every run that reached the database leaves
// a failed job row saying why. The wording is the same in every program:
//   an id that names no row         "<thing> <id> does not exist"  (kind not_found)
//   the database failed on the way  "cannot <what>: <cause>"       (the cause's kind and
//                                                                   context kept)
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

// "<thing> <id> does not exist", e.g. thing "edition"; `context` e.g. the flag that gave it.
Error does_not_exist(std::string_view thing, const std::string& id, std::string context = {});

// "cannot <what>: <cause message>", e.g. what "look up edition <id>".
Error lookup_failed(std::string_view what, Error cause);

// The edition `edition_id`, or does_not_exist("edition", …) / lookup_failed("look up
// edition <id>", …).
Result<tracking::Edition> look_up_edition(tracking::Database& db, const std::string& edition_id,
                                          std::string context = {});

}  // namespace scrapers::runtime
