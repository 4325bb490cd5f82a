#include "scrapers/worker/db_link.hpp"

#include <string>

#include "common/util/backoff.hpp"
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
    back_off();
    return nullptr;
  }
  db_ = std::move(fresh).value();
  broken_ = false;
  failures_ = 0;
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
  back_off();
  return true;
}

void DbLink::back_off() {
  const double jitter = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
  next_try_ = Clock::now() + backoff_delay(++failures_, kFirstBackoff, kMaxBackoff, jitter);
}

}  // namespace scrapers::worker
