// Cron schedules that put jobs in the queue, without a leader: any number of workers
// may call enqueue_due_slots at once and each slot still produces exactly one job.
//
// Guarantees: a slot is taken by one guarded UPDATE (last_slot_at advances only
// forwards) and the job is inserted in the same transaction, only when that UPDATE
// matched; the job's input records {"schedule": name, "slot": ISO 8601 UTC}. Only the
// latest slot at or before `now` is considered, so after downtime one missed slot runs,
// not a backlog. A new schedule starts after its latest past slot (adding it does not
// run it at once). Bad input (empty name or program, bad cron, max_attempts < 1, a name
// in use, a source_id that is not a UUID) is invalid_argument; removing an unknown
// name is not_found. A schedule's source_id (nullable) goes on every job it enqueues.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/job_types.hpp"
#include "tracking/queue.hpp"

namespace scrapers::tracking {

struct ScheduleSpec {
  std::string name;
  std::string cron;  // five fields, UTC
  std::string program;
  std::vector<std::string> args{};
  std::string script_type{};
  JobType job_type = JobType::scrape;
  int priority = 0;
  int max_attempts = 3;
  std::optional<std::string> source_id{};  // recorded on every job it enqueues
};

struct Schedule {
  ScheduleSpec spec;
  std::optional<std::string> last_slot_at;  // ISO 8601 UTC
  std::optional<std::string> next_slot_at;  // ISO 8601 UTC: the first slot after now
  std::string created_at;                   // ISO 8601 UTC
};

// The job a schedule enqueues: its program, args, type, priority, attempts and source,
// with `extra_input` merged into the job's input.
EnqueueParams enqueue_params_for(const ScheduleSpec& spec, Json extra_input);

Status add_schedule(Database& db, const ScheduleSpec& spec);
Result<std::vector<Schedule>> list_schedules(Database& db);  // by name
Status remove_schedule(Database& db, const std::string& name);

struct ScheduledJob {
  std::string schedule;
  WallTime slot;
  std::string job_id;
};

// The slot a schedule is due for at a time (nullopt: none). The default is the cron
// expression's latest slot at or before `now`.
using SlotFunction = std::function<std::optional<WallTime>(const Schedule&)>;

// Enqueues one job for every schedule whose due slot is later than its last_slot_at;
// returns the jobs this call created (slots another caller took are not listed).
Result<std::vector<ScheduledJob>> enqueue_due_slots(Database& db, WallTime now, const SlotFunction& slot_of = {});

}  // namespace scrapers::tracking
