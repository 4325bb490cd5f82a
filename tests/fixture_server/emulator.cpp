#include "tests/fixture_server/emulator.hpp"

#include <map>
#include <mutex>

namespace scrapers::testing {
namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, EmulatorFactory, std::less<>> factories;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

bool register_emulator(std::string name, EmulatorFactory factory) {
  auto& r = registry();
  const std::lock_guard lock(r.mutex);
  r.factories[std::move(name)] = std::move(factory);
  return true;
}

std::unique_ptr<SiteEmulator> make_emulator(std::string_view name) {
  auto& r = registry();
  const std::lock_guard lock(r.mutex);
  const auto it = r.factories.find(name);
  return it == r.factories.end() ? nullptr : it->second();
}

std::vector<std::string> emulator_names() {
  auto& r = registry();
  const std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const auto& [name, factory] : r.factories) names.push_back(name);
  return names;
}

}  // namespace scrapers::testing
