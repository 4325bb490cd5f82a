#include "scrapers/admin/schedule_commands.hpp"

#include <nlohmann/json.hpp>

#include "scrapers/admin/listings.hpp"
#include "scrapers/admin/queue_commands.hpp"
#include "scrapers/admin/table.hpp"
#include "scrapers/registry/registry.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::admin {
namespace {

using Json = nlohmann::json;

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json schedule_json(const tracking::Schedule& s) {
  return Json{{"name", s.spec.name},
              {"cron", s.spec.cron},
              {"program", s.spec.program},
              {"args", s.spec.args},
              {"script_type", s.spec.script_type},
              {"job_type", tracking::to_string(s.spec.job_type)},
              {"priority", s.spec.priority},
              {"max_attempts", s.spec.max_attempts},
              {"source_id", or_null(s.spec.source_id)},
              {"last_slot", or_null(s.last_slot_at)},
              {"next_slot", or_null(s.next_slot_at)},
              {"created_at", s.created_at}};
}

// The schedule as listed now, to report what was added.
std::optional<tracking::Schedule> find_schedule(tracking::Database& db, const std::string& name) {
  auto all = tracking::list_schedules(db);
  if (!all) return std::nullopt;
  for (auto& s : *all) {
    if (s.spec.name == name) return std::move(s);
  }
  return std::nullopt;
}

}  // namespace

std::string shell_words(const std::vector<std::string>& words) {
  std::string line;
  for (const auto& word : words) {
    if (!line.empty()) line += ' ';
    const bool plain = !word.empty() && word.find_first_of(" \t'\"\\$`*?;&|<>()") == std::string::npos;
    if (plain) {
      line += word;
      continue;
    }
    line += '\'';
    for (char c : word) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

int run_schedule_add(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  const runtime::Program* program = registry::find_program(o.queue.program);
  if (program == nullptr) return report(err, make_error(ErrorKind::invalid_argument, "unknown program"));
  tracking::ScheduleSpec spec;
  spec.name = o.queue.schedule_name;
  spec.cron = o.queue.cron;
  spec.program = program->name;
  spec.args = o.program_args;
  spec.script_type = program->script_type;
  spec.job_type = program->job_type;
  spec.priority = o.queue.priority;
  spec.max_attempts = o.queue.max_attempts;
  auto source = source_of(db, *program);
  if (!source) return report(err, source.error());
  spec.source_id = *source;
  if (auto added = tracking::add_schedule(db, spec); !added) return report(err, added.error());
  const auto added = find_schedule(db, spec.name);
  const std::optional<std::string> next = added ? added->next_slot_at : std::nullopt;
  if (o.json) {
    out << Json{{"name", spec.name}, {"cron", added ? added->spec.cron : spec.cron}, {"next_slot", or_null(next)}}
               .dump(2)
        << '\n';
  } else {
    out << "schedule " << spec.name << " added (next slot " << next.value_or("-") << ")\n";
  }
  return runtime::exit_code::ok;
}

int run_schedule_list(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  auto all = tracking::list_schedules(db);
  if (!all) return report(err, all.error());
  if (o.json) {
    Json list = Json::array();
    for (const auto& s : *all) list.push_back(schedule_json(s));
    out << list.dump(2) << '\n';
    return runtime::exit_code::ok;
  }
  if (all->empty()) {
    out << "no schedules\n";
    return runtime::exit_code::ok;
  }
  Table table({"NAME", "CRON", "PROGRAM", "ARGS", "LAST SLOT", "NEXT SLOT"});
  table.max_width(3, 60);
  for (const auto& s : *all) {
    table.add_row({s.spec.name, s.spec.cron, s.spec.program, shell_words(s.spec.args),
                   s.last_slot_at.value_or("-"), s.next_slot_at.value_or("-")});
  }
  table.print(out);
  return runtime::exit_code::ok;
}

int run_schedule_remove(const Options& o, tracking::Database& db, std::ostream& out, std::ostream& err) {
  if (auto removed = tracking::remove_schedule(db, o.queue.schedule_name); !removed) {
    return report(err, removed.error());
  }
  if (o.json) {
    out << Json{{"name", o.queue.schedule_name}, {"removed", true}}.dump(2) << '\n';
  } else {
    out << "schedule " << o.queue.schedule_name << " removed\n";
  }
  return runtime::exit_code::ok;
}

}  // namespace scrapers::admin
