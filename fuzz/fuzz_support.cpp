#include <map>
#include <stdexcept>
#include <string>

#include "fuzz/fuzz_registry.hpp"
#include "fuzz/fuzz_target.hpp"

namespace scrapers::fuzz {

std::map<std::string, TargetFunction>& registered_targets() {
  static std::map<std::string, TargetFunction> targets;
  return targets;
}

bool register_target(const char* name, TargetFunction function) {
  registered_targets().emplace(name, function);
  return true;
}

void invariant_failed(const char* target, const char* condition, const char* file, int line) {
  // Under libFuzzer the exception is uncaught: std::terminate prints it and aborts,
  // which libFuzzer reports as a crash with the input saved.
  throw std::logic_error(std::string(target) + ": invariant broken: " + condition + " (" + file + ":" +
                         std::to_string(line) + ")");
}

SplitInput split_input(std::string_view input) noexcept {
  constexpr std::string_view kSeparator = "\n----\n";
  const auto at = input.find(kSeparator);
  if (at == std::string_view::npos) return {input, {}};
  return {input.substr(0, at), input.substr(at + kSeparator.size())};
}

}  // namespace scrapers::fuzz
