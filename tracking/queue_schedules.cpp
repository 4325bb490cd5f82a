#include "tracking/queue_schedules.hpp"

#include "common/util/cron.hpp"
#include "common/util/log.hpp"
#include "tracking/queue_internal.hpp"

namespace scrapers::tracking {
namespace {

using detail::in_transaction;

std::string epoch_seconds(WallTime t) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch());
  return std::to_string(static_cast<double>(micros.count()) / 1e6);
}

std::string iso(WallTime t) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{seconds - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return text;
}

Status check_spec(const ScheduleSpec& s) {
  if (s.name.empty()) return make_error(ErrorKind::invalid_argument, "a schedule needs a name");
  if (s.program.empty()) return make_error(ErrorKind::invalid_argument, "a schedule needs a program");
  if (s.max_attempts < 1) return make_error(ErrorKind::invalid_argument, "max attempts must be at least 1");
  if (s.source_id) {
    if (auto ok = detail::check_uuid(*s.source_id, "source id"); !ok) return ok;
  }
  auto cron = CronSchedule::parse(s.cron);
  if (!cron) return std::move(cron).error();
  return Ok{};
}

Schedule schedule_from(const pqxx::row& row) {
  Schedule s;
  s.spec.name = row[0].as<std::string>();
  s.spec.cron = row[1].as<std::string>();
  s.spec.program = row[2].as<std::string>();
  for (const auto& arg : Json::parse(row[3].as<std::string>(), nullptr, false)) {
    s.spec.args.push_back(arg.is_string() ? arg.get<std::string>() : arg.dump());
  }
  s.spec.script_type = detail::text_or_null(row[4]).value_or("");
  s.spec.job_type = parse_job_type(row[5].as<std::string>()).value();
  s.spec.priority = row[6].as<int>();
  s.spec.max_attempts = row[7].as<int>();
  s.last_slot_at = detail::text_or_null(row[8]);
  s.created_at = row[9].as<std::string>();
  s.spec.source_id = detail::text_or_null(row[10]);
  if (auto cron = CronSchedule::parse(s.spec.cron)) {
    if (auto next = cron->next_slot_after(std::chrono::system_clock::now())) s.next_slot_at = iso(*next);
  }
  return s;
}

const std::string kScheduleColumns =
    "name, cron, program, args::text, script_type, job_type, priority, "
    "max_attempts, " +
    detail::iso_utc("last_slot_at") + ", " + detail::iso_utc("created_at") + ", source_id::text";

// Takes the slot and inserts its job, or does nothing when another caller took it.
std::optional<std::string> take_slot(pqxx::work& tx, const Schedule& s, WallTime slot) {
  auto taken = tx.exec_params(
      "UPDATE job_schedules SET last_slot_at = to_timestamp($2::double precision) WHERE name = $1 "
      "AND (last_slot_at IS NULL OR last_slot_at < to_timestamp($2::double precision)) RETURNING name",
      s.spec.name, epoch_seconds(slot));
  if (taken.empty()) return std::nullopt;
  return detail::insert_queued_job(tx, enqueue_params_for(s.spec, {{"schedule", s.spec.name}, {"slot", iso(slot)}}))
      .id;
}

}  // namespace

EnqueueParams enqueue_params_for(const ScheduleSpec& spec, Json extra_input) {
  EnqueueParams p;
  p.program = spec.program;
  p.args = spec.args;
  p.script_type = spec.script_type;
  p.job_type = spec.job_type;
  p.priority = spec.priority;
  p.max_attempts = spec.max_attempts;
  p.source_id = spec.source_id;
  p.extra_input = std::move(extra_input);
  return p;
}

Status add_schedule(Database& db, const ScheduleSpec& spec) {
  if (auto ok = check_spec(spec); !ok) return ok;
  const auto last = CronSchedule::parse(spec.cron)->latest_slot_at_or_before(std::chrono::system_clock::now());
  std::optional<std::string> last_text;
  if (last) last_text = epoch_seconds(*last);
  return in_transaction(db, "adding schedule " + spec.name, [&](pqxx::work& tx) {
    auto rows = tx.exec_params(
        "INSERT INTO job_schedules (name, cron, program, args, script_type, job_type, priority, max_attempts, "
        "last_slot_at, source_id) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, "
        "to_timestamp($9::double precision), $10::uuid) ON CONFLICT (name) DO NOTHING RETURNING name",
        spec.name, CronSchedule::parse(spec.cron)->expression(), spec.program, detail::jsonb_text(Json(spec.args)),
        spec.script_type.empty() ? nullptr : spec.script_type.c_str(), std::string(to_string(spec.job_type)),
        spec.priority, spec.max_attempts, detail::nullable(last_text), detail::nullable(spec.source_id));
    if (rows.empty())
      detail::fail(ErrorKind::invalid_argument, "a schedule named '" + spec.name + "' already exists");
  });
}

Result<std::vector<Schedule>> list_schedules(Database& db) {
  return in_transaction(db, "listing schedules", [&](pqxx::work& tx) {
    std::vector<Schedule> all;
    for (const auto& row : tx.exec("SELECT " + kScheduleColumns + " FROM job_schedules ORDER BY name")) {
      all.push_back(schedule_from(row));
    }
    return all;
  });
}

Status remove_schedule(Database& db, const std::string& name) {
  return in_transaction(db, "removing schedule " + name, [&](pqxx::work& tx) {
    if (tx.exec_params("DELETE FROM job_schedules WHERE name = $1", name).affected_rows() == 0) {
      detail::fail(ErrorKind::not_found, "schedule '" + name + "' not found");
    }
  });
}

Result<std::vector<ScheduledJob>> enqueue_due_slots(Database& db, WallTime now, const SlotFunction& slot_of) {
  auto schedules = list_schedules(db);
  if (!schedules) return std::move(schedules).error();
  std::vector<ScheduledJob> created;
  for (const auto& s : *schedules) {
    std::optional<WallTime> slot;
    if (slot_of) {
      slot = slot_of(s);
    } else if (auto cron = CronSchedule::parse(s.spec.cron)) {
      slot = cron->latest_slot_at_or_before(now);
    }
    if (!slot) continue;
    auto job = in_transaction(db, "enqueueing schedule " + s.spec.name,
                              [&](pqxx::work& tx) { return take_slot(tx, s, *slot); });
    if (!job) return std::move(job).error();
    if (!*job) continue;
    log::info("schedule " + s.spec.name + ": job " + **job + " queued for " + iso(*slot));
    created.push_back(ScheduledJob{s.spec.name, *slot, **job});
  }
  return created;
}

}  // namespace scrapers::tracking
