#include "tracking/host_pacing.hpp"

#include <cctype>

#include "tracking/sql_support.hpp"

namespace scrapers::tracking {

std::string normalize_host(std::string_view host) {
  std::string out;
  if (!host.empty() && host.front() == '[') {  // [v6]:port
    const auto close = host.find(']');
    out = std::string(host.substr(0, close == std::string_view::npos ? host.size() : close + 1));
  } else {
    out = std::string(host.substr(0, host.find(':')));
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<std::chrono::milliseconds> reserve_host_slot(Database& db, std::string_view host,
                                                    std::chrono::milliseconds interval) {
  const std::string key = normalize_host(host);
  if (key.empty()) return make_error(ErrorKind::invalid_argument, "pacing needs a host name");
  if (interval.count() <= 0)
    return make_error(ErrorKind::invalid_argument, "the pacing interval must be positive");
  const double seconds = static_cast<double>(interval.count()) / 1000.0;
  return detail::in_transaction(db, "pacing requests to " + key, [&](pqxx::work& tx) {
    auto row = tx.exec_params1(
        "WITH slot AS (INSERT INTO host_pacing AS h (host, next_allowed_at) "
        "  VALUES ($1, clock_timestamp() + make_interval(secs => $2)) "
        "  ON CONFLICT (host) DO UPDATE SET next_allowed_at = "
        "    greatest(h.next_allowed_at, clock_timestamp()) + make_interval(secs => $2) "
        "  RETURNING next_allowed_at - make_interval(secs => $2) AS at), "
        "counted AS (INSERT INTO host_request_counts AS c (host, slot_second, requests) "
        "  SELECT $1, date_trunc('second', at), 1 FROM slot "
        "  ON CONFLICT (host, slot_second) DO UPDATE SET requests = c.requests + 1), "
        "pruned AS (DELETE FROM host_request_counts "
        "  WHERE host = $1 AND slot_second < clock_timestamp() - interval '10 minutes') "
        "SELECT greatest(0, ceil(extract(epoch FROM (at - clock_timestamp())) * 1000))::bigint FROM slot",
        key, seconds);
    return std::chrono::milliseconds{row[0].as<long long>()};
  });
}

std::optional<std::chrono::milliseconds> SourceRule::interval() const {
  if (rate_limit_rpm <= 0) return std::nullopt;
  return std::chrono::milliseconds{(60'000 + rate_limit_rpm - 1) / rate_limit_rpm};
}

Result<std::optional<SourceRule>> source_for_host(Database& db, std::string_view host, SourceUse use) {
  std::string key = normalize_host(host);
  if (key.rfind("www.", 0) == 0) key.erase(0, 4);
  if (key.empty()) return make_error(ErrorKind::invalid_argument, "a source lookup needs a host name");
  return detail::in_transaction(
      db, "finding the source of " + key, [&](pqxx::work& tx) -> std::optional<SourceRule> {
        auto rows = tx.exec_params(
            "WITH match AS (SELECT id, regexp_replace(rtrim(lower(domain), '.'), '^www\\.', '') AS d FROM sources "
            "  WHERE domain IS NOT NULL), "
            "best AS (SELECT id FROM match WHERE d <> '' AND (d = $1 OR right($1, length(d) + 1) = '.' || d) "
            "  ORDER BY length(d) DESC, id LIMIT 1) "
            "UPDATE sources s SET last_run_at = CASE WHEN $2 THEN now() ELSE s.last_run_at END "
            "FROM best WHERE s.id = best.id "
            "RETURNING s.id::text, s.name, s.domain, coalesce(s.rate_limit_rpm, 0), s.status = 'paused'",
            key, use == SourceUse::requesting);
        if (rows.empty()) return std::nullopt;
        const auto& r = rows[0];
        return SourceRule{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<int>(),
                          r[4].as<bool>()};
      });
}

}  // namespace scrapers::tracking
