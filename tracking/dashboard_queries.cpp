#include "tracking/dashboard_queries.hpp"

#include "tracking/queue_internal.hpp"
#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

using detail::iso_utc;
using detail::text_or_null;

// A source's domain as source_for_host compares it (lower case, no trailing dot or "www.").
constexpr const char* kSourceSql =
    "WITH s AS (SELECT id, name, domain, coalesce(rate_limit_rpm, 0) AS rpm, status = 'paused' AS paused, "
    "  last_run_at, regexp_replace(rtrim(lower(coalesce(domain, '')), '.'), '^www\\.', '') AS d FROM sources) "
    "SELECT s.id::text, s.name, s.domain, s.rpm, s.paused, ";

std::string source_sql(const std::string& where) {
  return std::string(kSourceSql) + iso_utc("s.last_run_at") + ", " + iso_utc("r.last_request") +
         ", coalesce(r.recent, 0) FROM s LEFT JOIN LATERAL ("
         "  SELECT max(c.slot_second) FILTER (WHERE c.slot_second <= now()) AS last_request, "
         "    sum(c.requests) FILTER (WHERE c.slot_second > now() - interval '60 seconds' "
         "      AND c.slot_second <= now())::bigint AS recent "
         "  FROM host_request_counts c WHERE s.d <> '' "
         "    AND (regexp_replace(c.host, '^www\\.', '') = s.d OR right(c.host, length(s.d) + 1) = '.' || s.d)"
         ") r ON true " +
         where;
}

SourceRow read_source(const pqxx::row& row) {
  SourceRow s;
  s.id = row[0].as<std::string>();
  s.name = row[1].as<std::string>();
  s.domain = text_or_null(row[2]);
  s.rate_limit_rpm = row[3].as<int>();
  s.paused = row[4].as<bool>();
  s.last_run_at = text_or_null(row[5]);
  s.last_request_at = text_or_null(row[6]);
  s.requests_last_minute = row[7].as<long long>();
  return s;
}

constexpr const char* kRelatedColumns =
    "id::text, status, coalesce(input->>'program', input->>'scriptType'), error FROM pipeline_jobs ";

std::vector<RelatedJob> read_related(const pqxx::result& rows) {
  std::vector<RelatedJob> out;
  for (const auto& row : rows) {
    out.push_back(
        {row[0].as<std::string>(), row[1].as<std::string>(), text_or_null(row[2]), text_or_null(row[3])});
  }
  return out;
}

}  // namespace

Result<std::vector<SourceRow>> list_sources(Database& db) {
  return detail::in_transaction(db, "listing sources", [&](pqxx::work& tx) {
    std::vector<SourceRow> out;
    for (const auto& row : tx.exec(source_sql("ORDER BY s.name, s.id"))) out.push_back(read_source(row));
    return out;
  });
}

Result<SourceRow> set_source_paused(Database& db, const std::string& source_id, bool paused) {
  if (auto ok = detail::check_uuid(source_id, "source id"); !ok) return std::move(ok).error();
  auto found = detail::in_transaction(db, "pausing or resuming source " + source_id, [&](pqxx::work& tx) {
    auto updated = tx.exec_params(
        "UPDATE sources SET status = CASE WHEN $2 THEN 'paused' ELSE 'active' END "
        "WHERE id = $1::uuid RETURNING id",
        source_id, paused);
    if (updated.empty()) return std::optional<SourceRow>();
    auto rows = tx.exec_params(source_sql("WHERE s.id = $1::uuid"), source_id);
    return std::optional<SourceRow>(read_source(rows.at(0)));
  });
  if (!found) return std::move(found).error();
  if (!*found) return make_error(ErrorKind::not_found, "source " + source_id + " not found");
  return std::move(**found);
}

Result<std::vector<HourCount>> finished_per_hour(Database& db) {
  const std::string sql =
      "WITH hours AS (SELECT generate_series(date_trunc('hour', now()) - interval '23 hours', "
      "  date_trunc('hour', now()), interval '1 hour') AS h) "
      "SELECT " +
      iso_utc("hours.h") +
      ", count(j.id) FILTER (WHERE j.status = 'success'), count(j.id) FILTER (WHERE j.status = 'failed') "
      "FROM hours LEFT JOIN pipeline_jobs j ON j.status IN ('success', 'failed') "
      "  AND j.finished_at >= hours.h AND j.finished_at < hours.h + interval '1 hour' "
      "GROUP BY hours.h ORDER BY hours.h";
  return detail::in_transaction(db, "counting finished jobs per hour", [&](pqxx::work& tx) {
    std::vector<HourCount> out;
    for (const auto& row : tx.exec(sql)) {
      out.push_back({row[0].as<std::string>(), row[1].as<long long>(), row[2].as<long long>()});
    }
    return out;
  });
}

Result<std::vector<RelatedJob>> jobs_by_id(Database& db, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (auto ok = detail::check_uuid(id, "job id"); !ok) return std::move(ok).error();
  }
  if (ids.empty()) return std::vector<RelatedJob>();
  return detail::in_transaction(db, "reading related jobs", [&](pqxx::work& tx) {
    return read_related(tx.exec_params(std::string("SELECT ") + kRelatedColumns +
                                           "WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)",
                                       detail::uuid_array(ids)));
  });
}

Result<std::vector<RelatedJob>> dependents_of(Database& db, const std::string& job_id) {
  if (auto ok = detail::check_uuid(job_id, "job id"); !ok) return std::move(ok).error();
  return detail::in_transaction(db, "reading dependent jobs", [&](pqxx::work& tx) {
    return read_related(tx.exec_params(std::string("SELECT ") + kRelatedColumns +
                                           "WHERE depends_on @> ARRAY[$1::uuid] ORDER BY created_at, id",
                                       job_id));
  });
}

Result<std::optional<WorkRef>> find_work(Database& db, const std::string& work_id) {
  if (auto ok = detail::check_uuid(work_id, "work id"); !ok) return std::move(ok).error();
  return detail::in_transaction(db, "reading work " + work_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params("SELECT id::text, title FROM works WHERE id = $1::uuid", work_id);
    if (rows.empty()) return std::optional<WorkRef>();
    return std::optional<WorkRef>(WorkRef{rows[0][0].as<std::string>(), rows[0][1].as<std::string>()});
  });
}

}  // namespace scrapers::tracking
