// The job_type and status vocabularies of pipeline_jobs (exactly the table's CHECK lists).
//
// Parsing is strict and exact (lower case, no trimming): anything else is an
// invalid_argument Error listing the accepted values, so a bad value is rejected before
// any SQL is sent.
#pragma once

#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::tracking {

enum class JobType { scrape, clean, summarize, entities, embed, match, sync_assets };
enum class JobStatus { queued, running, success, failed };

std::string_view to_string(JobType type);
std::string_view to_string(JobStatus status);

Result<JobType> parse_job_type(std::string_view text);
Result<JobStatus> parse_job_status(std::string_view text);

// True for success and failed: the states that set finished_at.
constexpr bool is_final(JobStatus status) { return status == JobStatus::success || status == JobStatus::failed; }

}  // namespace scrapers::tracking
