#include "scrapers/worker/job_launch.hpp"

#include "scrapers/registry/dependent_args.hpp"
#include "scrapers/registry/registry.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "tracking/database.hpp"

namespace scrapers::worker {

Result<std::vector<std::string>> job_command(const tracking::ClaimedJob& job, const std::string& own_dir) {
  const runtime::Program* program = registry::find_program(job.program);
  if (program == nullptr) {
    return make_error(ErrorKind::invalid_argument, "unknown program '" + job.program.substr(0, 64) + "'");
  }
  auto args = registry::complete_dependent_args(*program, job.args,
                                                {job.dependency_edition_id, job.dependency_work_id});
  if (!args) {
    const auto parsed = program->parse(job.args);
    const std::string why = parsed.message.empty() ? "not accepted" : tracking::one_line(parsed.message);
    return make_error(ErrorKind::invalid_argument, "invalid arguments for " + program->name + ": " + why);
  }
  const std::vector<std::string>& command = program->command.empty() ? std::vector{program->name}
                                                                     : program->command;
  auto executable = resolve_executable(command.front(), own_dir);
  if (!executable) {
    return make_error(ErrorKind::io,
                      "cannot find executable '" + command.front() + "' next to the worker or on PATH");
  }
  std::vector<std::string> argv{*executable};
  argv.insert(argv.end(), command.begin() + 1, command.end());
  argv.insert(argv.end(), args->begin(), args->end());
  return argv;
}

EnvVars job_environment(const std::string& job_id, const std::string& worker) {
  return {{runtime::kAdoptJobVariable, job_id}, {runtime::kAdoptJobWorkerVariable, worker}};
}

}  // namespace scrapers::worker
