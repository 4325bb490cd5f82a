#include "scrapers/registry/registry.hpp"

#include <iostream>
#include <set>
#include <stdexcept>

namespace scrapers::registry {
namespace {

std::vector<runtime::Program> flatten() {
  std::vector<runtime::Program> all;
  std::set<std::string> names;
  for (auto& list : detail::program_lists()) {
    for (auto& program : list) {
      if (!names.insert(program.name).second) throw std::logic_error("program registered twice: " + program.name);
      all.push_back(std::move(program));
    }
  }
  return all;
}

}  // namespace

const std::vector<runtime::Program>& all_programs() {
  static const std::vector<runtime::Program> programs = flatten();
  return programs;
}

const runtime::Program* find_program(std::string_view name) {
  for (const runtime::Program& program : all_programs()) {
    if (program.name == name) return &program;
  }
  return nullptr;
}

std::string program_names() {
  std::string names;
  for (const runtime::Program& program : all_programs()) names += (names.empty() ? "" : ", ") + program.name;
  return names;
}

int main_of(std::string_view name, int argc, const char* const* argv) {
  const runtime::Program* program = find_program(name);
  if (program == nullptr) {
    std::cerr << name << ": not a registered program (" << program_names() << ")\n";
    return runtime::exit_code::usage;
  }
  return runtime::program_main(*program, argc, argv);
}

}  // namespace scrapers::registry
