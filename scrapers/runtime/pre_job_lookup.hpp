// Looking up, before the job exists, what a run is about (so the job's ids are set at
// creation), and the errors such a lookup ends in.
//
// A failed lookup does not end the program on the spot: the job is still created, and
// its body throws the Error first thing, so every run that reached the database leaves
// a failed job row saying why. The wording is the same in every program:
//   an id that names no row         "<thing> <id> does not exist"  (kind not_found)
//   the database failed on the way  "cannot <what>: <cause>"       (the cause's kind and
//                                                                   context kept)
// One lookup result is not the job's failure but the arguments': rows that exist and
// contradict each other (an --editionId of another work than --workId). That is a bad
// argument like any other: refuse_arguments() logs its one line and the program exits 2
// without writing a job row — unless the run adopts a row prepared for it
// ($PIPELINE_JOB_ID, job_runner.hpp), which is then ended failed with the same line
// (kind invalid_argument: never retried) before the exit 2.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"
#include "scrapers/runtime/job_runner.hpp"
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

// An invalid_argument Error for arguments that contradict each other; `context` e.g. the flag.
Error contradicting_arguments(std::string message, std::string context = {});

// Exit status 2 for `error` (see above); `spec` is the job an adopted row is ended as.
int refuse_arguments(tracking::Database& db, const JobSpec& spec, const Error& error);

}  // namespace scrapers::runtime
