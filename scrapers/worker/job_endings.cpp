#include "scrapers/worker/job_endings.hpp"

#include "common/util/log.hpp"

namespace scrapers::worker {
namespace {

std::string_view requeue_text(tracking::RequeueKind kind) {
  switch (kind) {
    case tracking::RequeueKind::requeued: return "";  // tracking logs it
    case tracking::RequeueKind::already_succeeded: return "had already succeeded";
    case tracking::RequeueKind::cancelled: return "cancelled";
    case tracking::RequeueKind::lost: return "was taken over (rescued or claimed again); not written";
  }
  return "?";
}

}  // namespace

void JobEndings::flush(DbLink& link) {
  while (!pending_.empty()) {
    tracking::Database* db = link.get();
    if (db == nullptr || !write(*db, link, pending_.front())) return;
    pending_.pop_front();
  }
}

bool JobEndings::write(tracking::Database& db, DbLink& link, const PendingEnd& e) {
  const std::string doing = "ending job " + e.job_id;
  if (e.requeue) {
    auto r = tracking::requeue_without_attempt(db, e.job_id, worker_, e.attempt);
    if (r && *r != tracking::RequeueKind::requeued)
      log::info("job " + e.job_id + " " + std::string(requeue_text(*r)));
    return r || !link.failed(r.error(), doing);
  }
  auto r = tracking::finish_attempt(db, e.job_id, worker_, e.attempt, e.end);  // logs the outcome
  return r || !link.failed(r.error(), doing);
}

}  // namespace scrapers::worker
