#include "tracking/job_types.hpp"

#include <array>
#include <string>
#include <utility>

namespace scrapers::tracking {
namespace {

constexpr std::array<std::pair<JobType, std::string_view>, 7> kTypes{{
    {JobType::scrape, "scrape"},
    {JobType::clean, "clean"},
    {JobType::summarize, "summarize"},
    {JobType::entities, "entities"},
    {JobType::embed, "embed"},
    {JobType::match, "match"},
    {JobType::sync_assets, "sync_assets"},
}};

constexpr std::array<std::pair<JobStatus, std::string_view>, 4> kStatuses{{
    {JobStatus::queued, "queued"},
    {JobStatus::running, "running"},
    {JobStatus::success, "success"},
    {JobStatus::failed, "failed"},
}};

template <class Table>
std::string accepted(const Table& table) {
  std::string out;
  for (const auto& [value, name] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

std::string_view to_string(JobType type) {
  for (const auto& [value, name] : kTypes) {
    if (value == type) return name;
  }
  return "scrape";
}

std::string_view to_string(JobStatus status) {
  for (const auto& [value, name] : kStatuses) {
    if (value == status) return name;
  }
  return "queued";
}

Result<JobType> parse_job_type(std::string_view text) {
  for (const auto& [value, name] : kTypes) {
    if (name == text) return value;
  }
  return make_error(ErrorKind::invalid_argument, "invalid job type '" + std::string(text.substr(0, 64)) +
                                                     "' (expected one of: " + accepted(kTypes) + ")");
}

Result<JobStatus> parse_job_status(std::string_view text) {
  for (const auto& [value, name] : kStatuses) {
    if (name == text) return value;
  }
  return make_error(ErrorKind::invalid_argument, "invalid job status '" + std::string(text.substr(0, 64)) +
                                                     "' (expected one of: " + accepted(kStatuses) + ")");
}

}  // namespace scrapers::tracking
