// The loop every per-segment program runs (readnovel-segment, chereads-segment,
// bulk-download-subtitles): one segment after another, each outcome counted and
// logged, the run going on after a per-segment failure.
//
// Guarantees:
// - Segments that already have an asset (Segment::has_asset) are counted `skipped`
//   and never reach `process` (so no request is made for them).
// - `skip_reason` (optional) is asked before the limit is applied: a segment it names a
//   reason for (e.g. no URL, no episode code) is counted `skipped` and listed, without
//   reaching `process` and without using up a `limit` slot.
// - `limit` caps how many segments are processed (skipped ones do not count); those it
//   leaves out are counted in `beyond_limit` (and in `not_attempted`).
// - `to_process` is the number of segments the run set out to process: after the skips
//   and the limit, before any stop. Each of them ends stored, failed, locked, skipped
//   by `process` (skipped_items) or, after a stop, not attempted: the segment that hit
//   the stop and the rest are counted in `not_attempted` (not_attempted - beyond_limit
//   of them).
// - A SIGINT/SIGTERM or a requested cancel (signals.hpp) stops the loop before the next
//   segment (stats.aborted, abort_reason "interrupted by signal" or "cancelled").
// - `on_progress` (optional) is told {done, total, item} before each processed segment,
//   where total counts the segments to process (after skips and the limit), and once
//   at the end with finished = true (done = segments processed, item empty). It is
//   called before the interrupt check, so a cancel it learns of stops the run at once.
// - `stop_after_consecutive_blocked` (> 0) stops the run after that many blocked
//   answers in a row: no point hammering a site that is blocking us.
// - Outcome::stop (e.g. a quota exhausted) stops at once; the rest is not attempted.
// - One log line per segment; a progress bar with ETA when stderr is a terminal.
// What the counts mean for the job and the exit status is batch_ending.hpp's to say.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tracking/catalog.hpp"

namespace scrapers::runtime {

struct SegmentOutcome {
  enum class Kind { stored, skipped, failed, locked, blocked, stop };
  Kind kind = Kind::stored;
  std::string detail;     // reason for failed/blocked/stop; what was stored otherwise
  bool retryable = true;  // failed: whether a later run may succeed (false: a 404, a layout change)

  static SegmentOutcome stored(std::string what = {}) { return {Kind::stored, std::move(what)}; }
  static SegmentOutcome skipped(std::string why) { return {Kind::skipped, std::move(why)}; }
  static SegmentOutcome failed(std::string why) { return {Kind::failed, std::move(why)}; }
  // A failure a retry cannot fix (see failure_kind.hpp): counted in failed_for_good too.
  static SegmentOutcome failed_for_good(std::string why) { return {Kind::failed, std::move(why), false}; }
  static SegmentOutcome locked() { return {Kind::locked, "locked"}; }
  static SegmentOutcome blocked(std::string why) { return {Kind::blocked, std::move(why)}; }
  static SegmentOutcome stop(std::string why) { return {Kind::stop, std::move(why)}; }
};

// Where a batch is (see on_progress).
struct BatchProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string item;  // the segment about to be processed ("number 12"); empty at the end
  bool finished = false;
};

// Why a batch stopped early (BatchStats::stop).
enum class BatchStop {
  none,
  interrupted,  // SIGINT/SIGTERM or a requested cancel
  blocked,      // stop_after_consecutive_blocked reached
  outcome,      // an Outcome::stop (quota exhausted, refused login, ...)
};

struct BatchOptions {
  std::size_t limit = 0;  // 0 = no limit
  // A reason to skip a segment without any request, or nullopt to process it.
  std::function<std::optional<std::string>(const tracking::Segment&)> skip_reason;
  int stop_after_consecutive_blocked = 0;  // 0 = never
  std::string noun = "segments";
  std::function<void(const BatchProgress&)> on_progress;
};

struct BatchStats {
  std::size_t total = 0;      // segments given to the batch
  std::size_t processed = 0;  // segments handed to `process`
  std::size_t stored = 0;
  std::size_t skipped = 0;  // already had an asset, or skipped by `process`
  std::size_t failed = 0;
  std::size_t locked = 0;
  std::size_t blocked = 0;          // also counted in failed
  std::size_t failed_for_good = 0;  // also counted in failed: SegmentOutcome::failed_for_good
  std::size_t to_process = 0;       // after skips and limit, before any stop
  std::size_t not_attempted = 0;    // left over by limit, stop or interrupt
  std::size_t beyond_limit = 0;     // of not_attempted: left over by limit
  bool aborted = false;             // stopped early (interrupt, blocked streak, stop outcome)
  std::string abort_reason;
  BatchStop stop = BatchStop::none;                        // why, when aborted
  nlohmann::json failures = nlohmann::json::array();       // [{segmentId, number, reason}]
  nlohmann::json skipped_items = nlohmann::json::array();  // [{segmentId, number, reason}] from process
};

using SegmentProcessor = std::function<SegmentOutcome(const tracking::Segment&)>;

BatchStats run_segment_batch(const std::vector<tracking::Segment>& segments, const BatchOptions& options,
                             const SegmentProcessor& process);

}  // namespace scrapers::runtime
