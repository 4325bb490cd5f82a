#include "common/util/progress.hpp"

#include <cstdio>

#include "common/util/log.hpp"

namespace scrapers {

std::string format_duration(std::chrono::seconds duration) {
  const long long total = duration.count() < 0 ? 0 : duration.count();
  char buffer[32];
  if (total < 60) {
    std::snprintf(buffer, sizeof buffer, "%llds", total);
  } else if (total < 3600) {
    std::snprintf(buffer, sizeof buffer, "%lldm%02llds", total / 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", total / 3600, (total % 3600) / 60);
  }
  return buffer;
}

std::string format_progress(std::string_view label, std::size_t done, std::size_t total,
                            std::chrono::milliseconds elapsed, std::size_t bar_width) {
  const std::size_t filled = total == 0 ? bar_width : bar_width * std::min(done, total) / total;
  std::string line = "[";
  line.append(filled, '#');
  line.append(bar_width - filled, ' ');
  line += "] " + std::to_string(done) + "/" + std::to_string(total) + " ";
  line += label;
  const double seconds = static_cast<double>(elapsed.count()) / 1000.0;
  if (done > 0 && seconds > 0.0) {
    const double rate = static_cast<double>(done) / seconds;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "  %.1f/s", rate);
    line += buffer;
    if (done < total) {
      const auto left = static_cast<long long>(static_cast<double>(total - done) / rate + 0.5);
      line += "  ETA " + format_duration(std::chrono::seconds(left));
    }
  }
  return line;
}

Progress::Progress(std::size_t total, std::string label)
    : total_(total), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {
  log::set_status_line(format_progress(label_, 0, total_, std::chrono::milliseconds(0)));
}

Progress::~Progress() { log::clear_status_line(); }

void Progress::advance(std::size_t count) {
  done_ += count;
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                             start_);
  log::set_status_line(format_progress(label_, done_, total_, elapsed));
}

}  // namespace scrapers
