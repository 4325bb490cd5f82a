#include "scrapers/registry/dependent_args.hpp"

namespace scrapers::registry {
namespace {

bool accepted(const runtime::Program& program, const std::vector<std::string>& args) {
  return program.parse(args).options.has_value();
}

std::optional<std::vector<std::string>> with_option(const runtime::Program& program, std::vector<std::string> args,
                                                    const std::string& option,
                                                    const std::optional<std::string>& id) {
  if (option.empty() || !id) return std::nullopt;
  args.push_back(option);
  args.push_back(*id);
  if (!accepted(program, args)) return std::nullopt;
  return args;
}

}  // namespace

std::optional<std::vector<std::string>> complete_dependent_args(const runtime::Program& program,
                                                                const std::vector<std::string>& args,
                                                                const InheritedIds& inherited) {
  if (accepted(program, args)) return args;
  if (auto with_edition = with_option(program, args, program.edition_option, inherited.edition_id)) {
    return with_edition;
  }
  return with_option(program, args, program.work_option, inherited.work_id);
}

}  // namespace scrapers::registry
