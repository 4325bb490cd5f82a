#include "scrapers/admin/job_progress.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/util/progress.hpp"

namespace scrapers::admin {
namespace {

std::optional<long long> count_at(const nlohmann::json& progress, const char* key) {
  const auto found = progress.find(key);
  if (found == progress.end() || !found->is_number_integer()) return std::nullopt;
  const auto value = found->get<long long>();
  if (value < 0) return std::nullopt;
  return value;
}

std::optional<std::string> text_at(const nlohmann::json& progress, const char* key) {
  const auto found = progress.find(key);
  if (found == progress.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

}  // namespace

ProgressFigures progress_figures(const std::optional<nlohmann::json>& progress,
                                 std::optional<double> elapsed_seconds) {
  ProgressFigures f;
  if (!progress || !progress->is_object()) return f;
  f.done = count_at(*progress, "done");
  f.total = count_at(*progress, "total");
  f.item = text_at(*progress, "item");
  f.updated_at = text_at(*progress, "updated_at");
  if (!f.done || !f.total || *f.total <= 0) return f;
  const auto done = static_cast<double>(std::min(*f.done, *f.total));
  const auto total = static_cast<double>(*f.total);
  f.percent = done / total * 100.0;
  if (done >= total) {
    f.eta_seconds = 0.0;
  } else if (done > 0 && elapsed_seconds && *elapsed_seconds >= 0) {
    f.eta_seconds = *elapsed_seconds / done * (total - done);
  }
  return f;
}

std::string progress_text(const ProgressFigures& f) {
  if (!f.done) return "-";
  std::string text = std::to_string(*f.done);
  if (!f.total) return text;
  text += "/" + std::to_string(*f.total);
  if (f.percent) text += " (" + std::to_string(static_cast<int>(std::floor(*f.percent))) + "%)";
  return text;
}

std::string eta_text(const ProgressFigures& f) {
  if (!f.eta_seconds) return "-";
  return format_duration(std::chrono::seconds(static_cast<long long>(std::llround(*f.eta_seconds))));
}

}  // namespace scrapers::admin
