#include "scrapers/worker/db_link.hpp"

#include <algorithm>
#include <string>

#include "common/util/log.hpp"

namespace scrapers::worker {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{1000};
constexpr std::chrono::milliseconds kMaxBackoff{30000};

}  // namespace

tracking::Database* DbLink::get() {
  if (!broken_) return &db_;
  if (Clock::now() < next_try_) return nullptr;
  auto fresh = db_.open_another();
  if (!fresh) {
    log::debug("database still unreachable: " + fresh.error().describe());
    next_try_ = Clock::now() + backoff_;
    backoff_ = std::min(backoff_ * 2, kMaxBackoff);
    return nullptr;
  }
  db_ = std::move(fresh).value();
  broken_ = false;
  backoff_ = kFirstBackoff;
  log::info("database connection restored (" + db_.target() + ")");
  return &db_;
}

bool DbLink::failed(const Error& error, std::string_view doing) {
  if (error.kind != ErrorKind::database) {
    log::warn(std::string(doing) + ": " + error.describe());
    return false;
  }
  if (!broken_) {
    log::warn(std::string(doing) + ": " + error.describe() + "; reconnecting (jobs keep running)");
  }
  broken_ = true;
  next_try_ = Clock::now() + backoff_;
  backoff_ = std::min(backoff_ * 2, kMaxBackoff);
  return true;
}

}  // namespace scrapers::worker
