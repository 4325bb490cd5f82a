// A running job's progress as `pipeline-jobs active` and `show` present it: the row's
// progress {done, total, item, updated_at} plus percent and an ETA.
//
// percent = done / total × 100 (nullopt without a positive total; at most 100).
// eta_seconds = elapsed / done × (total − done), elapsed being the seconds since the
// attempt started; nullopt before the first item is done, without a total, or without
// an elapsed time; 0 once done reaches total. Malformed progress (not an object, numbers
// missing or negative) gives empty figures, never an exception.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace scrapers::admin {

struct ProgressFigures {
  std::optional<long long> done;
  std::optional<long long> total;
  std::optional<std::string> item;
  std::optional<std::string> updated_at;
  std::optional<double> percent;
  std::optional<double> eta_seconds;
};

ProgressFigures progress_figures(const std::optional<nlohmann::json>& progress,
                                 std::optional<double> elapsed_seconds);

// "12/48 (25%)", "12" without a total, "-" without progress.
std::string progress_text(const ProgressFigures& figures);
// "3m20s", "45s", "-" (no ETA).
std::string eta_text(const ProgressFigures& figures);

}  // namespace scrapers::admin
