#include "tracking/job_adoption.hpp"

#include "common/util/log.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

using detail::nullable;

// Marks the row adopted when its state allows it; no row when it does not.
constexpr const char* kAdoptSql =
    "WITH old AS (SELECT id, status FROM pipeline_jobs WHERE id = $1::uuid FOR UPDATE) "
    "UPDATE pipeline_jobs AS j SET "
    "  status = 'running', "
    "  attempt = CASE WHEN old.status = 'queued' THEN j.attempt + 1 ELSE j.attempt END, "
    "  started_at = CASE WHEN old.status = 'queued' THEN now() ELSE coalesce(j.started_at, now()) END, "
    "  worker = CASE WHEN old.status = 'queued' THEN $3 ELSE j.worker END, "
    "  error = CASE WHEN old.status = 'queued' THEN NULL ELSE j.error END, "
    "  finished_at = NULL, heartbeat_at = now(), input = j.input || $4::jsonb, "
    "  source_id = coalesce($5::uuid, j.source_id), work_id = coalesce($6::uuid, j.work_id), "
    "  edition_id = coalesce($7::uuid, j.edition_id), segment_id = coalesce($8::uuid, j.segment_id) "
    "FROM old WHERE j.id = old.id "
    "  AND (old.status = 'queued' OR (old.status = 'running' AND $2::text IS NOT NULL AND j.worker = $2)) "
    "RETURNING j.attempt, j.worker, old.status = 'queued'";

Status check_params(const AdoptParams& p) {
  for (const auto& [id, name] :
       {std::pair{&p.ids.source_id, "source_id"}, std::pair{&p.ids.work_id, "work_id"},
        std::pair{&p.ids.edition_id, "edition_id"}, std::pair{&p.ids.segment_id, "segment_id"}}) {
    if (!*id) continue;
    if (auto ok = detail::check_uuid(**id, name); !ok) return ok;
  }
  if (!p.input_patch.is_object()) {
    return make_error(ErrorKind::invalid_argument, "the input patch must be a JSON object");
  }
  return detail::check_uuid(p.job_id, "job id");
}

// Why a row was not adopted, read after the guarded UPDATE matched nothing.
Error refusal(pqxx::work& tx, const AdoptParams& p) {
  auto rows = tx.exec_params("SELECT status, worker FROM pipeline_jobs WHERE id = $1::uuid", p.job_id);
  if (rows.empty()) return make_error(ErrorKind::not_found, "job " + p.job_id + " not found");
  const std::string status = rows[0][0].as<std::string>();
  std::string why = "job " + p.job_id + " is " + status;
  if (status == "running") {
    why += " (worker " + detail::text_or_null(rows[0][1]).value_or("unknown") + ")";
    why += p.claimed_by ? ", not claimed by " + *p.claimed_by : "; only a queued job can be adopted";
  } else {
    why += "; only a queued job, or a running one claimed by the caller, can be adopted";
  }
  return make_error(ErrorKind::invalid_argument, why);
}

}  // namespace

Result<AdoptedJob> adopt_job(Database& db, const AdoptParams& p) {
  if (auto ok = check_params(p); !ok) return std::move(ok).error();
  auto adopted = detail::in_transaction(db, "adopting job " + p.job_id, [&](pqxx::work& tx) -> Result<AdoptedJob> {
    auto rows = tx.exec_params(kAdoptSql, p.job_id, nullable(p.claimed_by), this_worker(),
                               detail::jsonb_text(p.input_patch), nullable(p.ids.source_id),
                               nullable(p.ids.work_id), nullable(p.ids.edition_id), nullable(p.ids.segment_id));
    if (rows.empty()) return refusal(tx, p);
    return AdoptedJob{p.job_id, rows[0][0].as<int>(), rows[0][1].as<std::string>(), rows[0][2].as<bool>()};
  });
  if (!adopted) return std::move(adopted).error();
  Result<AdoptedJob> result = std::move(adopted).value();
  if (result) {
    log::info("job " + p.job_id + " running (attempt " + std::to_string(result->attempt) + ") adopted " +
              (result->was_queued ? std::string("from the queue") : "from its claimer " + result->worker));
  }
  return result;
}

}  // namespace scrapers::tracking
