// A job queued --after another may leave out the edition or work it works on; it then
// takes them from the job it waited for. One rule, used by `pipeline-jobs enqueue` (to
// check the arguments, with placeholder ids) and by the worker (with the real ones):
//
//   1. the arguments as given, when the program's own parser accepts them;
//   2. else the arguments + `<edition_option> <edition id>`, when the program has an
//      edition option, an edition id is known and the parser accepts the result;
//   3. else the arguments + `<work_option> <work id>`, likewise;
//   4. else nothing: the arguments are wrong whatever the parent records.
// So a dependent that names its own edition (or segment ids) keeps them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scrapers/runtime/program.hpp"

namespace scrapers::registry {

struct InheritedIds {
  std::optional<std::string> edition_id;
  std::optional<std::string> work_id;
};

std::optional<std::vector<std::string>> complete_dependent_args(const runtime::Program& program,
                                                                const std::vector<std::string>& args,
                                                                const InheritedIds& inherited);

// A syntactically valid UUID that names no row: what enqueue checks a dependent's
// arguments with before its parent has run.
inline constexpr const char* kPlaceholderId = "00000000-0000-4000-8000-000000000000";

}  // namespace scrapers::registry
