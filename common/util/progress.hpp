// Progress of a batch run: a bar with rate and ETA on a terminal, nothing otherwise
// (the per-item log lines carry the information in files and CI logs).
//
//   Progress progress(total, "segments");
//   progress.advance();          // after each item, whatever its outcome
//
// format_progress() is pure so the rendering is testable.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace scrapers {

std::string format_progress(std::string_view label, std::size_t done, std::size_t total,
                            std::chrono::milliseconds elapsed, std::size_t bar_width = 24);
std::string format_duration(std::chrono::seconds duration);  // "45s", "3m20s", "1h02m"

class Progress {
 public:
  Progress(std::size_t total, std::string label);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t count = 1);
  std::size_t done() const { return done_; }

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  std::string label_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace scrapers
