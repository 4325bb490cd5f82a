#include "scrapers/admin/queue_commands.hpp"

#include <nlohmann/json.hpp>

#include "scrapers/admin/listings.hpp"
#include "scrapers/registry/registry.hpp"
#include "tracking/host_pacing.hpp"
#include "tracking/queue.hpp"

namespace scrapers::admin {
namespace {

using Json = nlohmann::json;

tracking::EnqueueParams enqueue_params(const Options& o, const runtime::Program& program) {
  tracking::EnqueueParams p;
  p.program = program.name;
  p.args = o.program_args;
  p.script_type = program.script_type;
  p.job_type = program.job_type;
  p.priority = o.queue.priority;
  p.run_at = o.queue.run_at;
  if (o.queue.run_in) p.run_at = std::chrono::system_clock::now() + *o.queue.run_in;
  p.after = o.queue.after;
  p.max_attempts = o.queue.max_attempts;
  p.unique_key = o.queue.unique_key;
  return p;
}

}  // namespace

Result<std::optional<std::string>> source_of(tracking::Database& db, const runtime::Program& program) {
  if (!program.hosts) return std::optional<std::string>();
  for (const auto& host : program.hosts()) {
    auto rule = tracking::source_for_host(db, host, tracking::SourceUse::looking_up);
    if (!rule) return std::move(rule).error();
    if (*rule) return std::optional<std::string>((*rule)->id);
  }
  return std::optional<std::string>();
}

int run_enqueue(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  const runtime::Program* program = registry::find_program(o.queue.program);
  if (program == nullptr) return report(err, make_error(ErrorKind::invalid_argument, "unknown program"));
  tracking::EnqueueParams params = enqueue_params(o, *program);
  auto source = source_of(db, *program);
  if (!source) return report(err, source.error());
  params.source_id = *source;
  auto job = tracking::enqueue_job(db, params);
  if (!job) return report(err, job.error());
  if (o.json) {
    out << Json{{"id", job->id}, {"status", job->status}, {"created", job->created}}.dump(2) << '\n';
  } else {
    out << job->id << '\n';
  }
  return runtime::exit_code::ok;
}

int run_cancel(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto outcome = tracking::cancel_job(db, o.job_id);
  if (!outcome) return report(err, outcome.error());
  const bool cancelled = outcome->kind == tracking::CancelKind::cancelled;
  if (o.json) {
    out << Json{{"id", o.job_id},
                {"result", cancelled ? "cancelled" : "stop_requested"},
                {"dependents_failed", outcome->dependents_failed}}
               .dump(2)
        << '\n';
    return runtime::exit_code::ok;
  }
  if (!cancelled) {
    out << "stop requested (the job stops after the item in hand)\n";
  } else if (outcome->dependents_failed.empty()) {
    out << "cancelled\n";
  } else {
    out << "cancelled; " << outcome->dependents_failed.size() << " dependent job(s) failed\n";
  }
  return runtime::exit_code::ok;
}

int run_retry(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto job = tracking::retry_job(db, o.job_id);
  if (!job) return report(err, job.error());
  if (o.json) {
    out << Json{{"id", job->id}, {"status", job->status}}.dump(2) << '\n';
  } else {
    out << job->id << '\n';
  }
  return runtime::exit_code::ok;
}

}  // namespace scrapers::admin
