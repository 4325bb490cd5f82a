// The rule that every job output carries `total`, `success` and `failed` besides its
// per-program fields, so every program's output can be read the same way.
//
// with_minimum_counts() checks an output and fills the three fields from the exact
// synonyms the programs' own output fields use, never by guessing:
//   total  <- totalSegments | totalChapters | totalEpisodes   (first one present)
//   failed <- errors
// `success` has no synonym: a program states it. The result is an invalid_argument
// Error naming what is missing when, after filling, any of the three is absent, or when
// one of them is not a non-negative integer, or the output is not a JSON object.
// Fields already present are never overwritten.
#pragma once

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"

namespace scrapers::tracking {

Result<nlohmann::json> with_minimum_counts(nlohmann::json output);

// Best effort for failed runs: fills what the synonyms allow, never rejects (a failed
// run's partial counts are worth keeping even when incomplete).
nlohmann::json fill_minimum_counts(nlohmann::json output);

}  // namespace scrapers::tracking
