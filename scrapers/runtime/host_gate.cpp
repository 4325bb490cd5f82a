#include "scrapers/runtime/host_gate.hpp"

#include "common/util/log.hpp"
#include "common/util/signals.hpp"
#include "tracking/host_pacing.hpp"

namespace scrapers::runtime {

SourcePacingGate::SourcePacingGate(tracking::Database& db, std::chrono::seconds rule_ttl)
    : db_(db), rule_ttl_(rule_ttl) {}

void SourcePacingGate::warn(const std::string& message) {
  if (!warned_) log::warn(message + "; requests are not paced across workers meanwhile");
  warned_ = true;
}

std::optional<std::chrono::milliseconds> SourcePacingGate::interval_for(const std::string& host) {
  const auto now = std::chrono::steady_clock::now();
  if (auto known = rules_.find(host); known != rules_.end() && now - known->second.fetched < rule_ttl_) {
    return known->second.interval;
  }
  auto source = tracking::source_for_host(db_, host);
  if (!source) {
    warn("looking up the source of " + host + " failed: " + source.error().describe());
    return std::nullopt;  // asked again on the next request
  }
  warned_ = false;
  Rule rule{*source ? (*source)->interval() : std::nullopt, now};
  if (rule.interval) {
    log::debug("requests to " + host + " are spaced " + std::to_string(rule.interval->count()) +
               " ms apart across workers (source " + (*source)->name + ")");
  }
  rules_[host] = rule;
  return rule.interval;
}

Status SourcePacingGate::before_request(const http::Url& url) {
  const auto interval = interval_for(url.host);
  if (!interval) return Ok{};
  auto wait = tracking::reserve_host_slot(db_, url.host, *interval);
  if (!wait) {
    warn("pacing requests to " + url.host + " failed: " + wait.error().describe());
    return Ok{};
  }
  warned_ = false;
  if (wait->count() > 0 && !interruptible_sleep(*wait)) {
    return make_error(ErrorKind::interrupted, "request to " + url.host + " not sent: interrupted");
  }
  return Ok{};
}

}  // namespace scrapers::runtime
