// Politeness across workers and machines: the per-site rules in `sources` and a shared
// pacing row per host in PostgreSQL.
//
// reserve_host_slot() is one statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING):
// it takes the next free slot for the host, max(next_allowed_at, now), moves
// next_allowed_at to slot + interval, and returns how long the caller must wait before
// its request; the slot is counted in host_request_counts (per host and second, ten
// minutes kept) for the dashboard. Callers that reserve concurrently get slots at least `interval` apart,
// whichever connection or machine they use; no lock is held while the caller waits.
// Hosts are compared case-insensitively, without a port or a trailing dot.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/util/error.hpp"
#include "tracking/database.hpp"

namespace scrapers::tracking {

// "WWW.Example.com:8443." -> "www.example.com" (lower case, no port, no trailing dot).
std::string normalize_host(std::string_view host);

// The wait before the caller's request (0 when it may go now). interval > 0.
Result<std::chrono::milliseconds> reserve_host_slot(Database& db, std::string_view host,
                                                    std::chrono::milliseconds interval);

struct SourceRule {
  std::string id;
  std::string name;
  std::string domain;
  int rate_limit_rpm = 0;
  bool paused = false;
  // 60 s / rate_limit_rpm; nullopt when the source sets no positive rate.
  std::optional<std::chrono::milliseconds> interval() const;
};

// Why a source is looked up: a program about to request the host keeps the source's
// last_run_at current; enqueueing a job only reads it.
enum class SourceUse { requesting, looking_up };

// The source whose domain is the host or a parent domain of it ("www." ignored on both
// sides; the longest domain wins), with its last_run_at set to now when `use` is
// requesting; nullopt when none.
Result<std::optional<SourceRule>> source_for_host(Database& db, std::string_view host,
                                                  SourceUse use = SourceUse::requesting);

}  // namespace scrapers::tracking
