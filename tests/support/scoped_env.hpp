// ScopedEnv: sets or removes environment variables for one test and restores every
// previous value (or absence) when it goes out of scope.
//
//   ScopedEnv base("CHEREADS_BASE", "http://127.0.0.1:8089");   // one variable
//   ScopedEnv none("HTTP_REPLAY_DIR", std::nullopt);             // removed for the scope
//   ScopedEnv env; env.set("A", "1"); env.unset("B");            // several
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scrapers::testing {

class ScopedEnv {
 public:
  ScopedEnv() = default;
  ScopedEnv(const char* name, std::optional<std::string> value) {
    if (value) set(name, value->c_str());
    else unset(name);
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) ::setenv(it->first.c_str(), it->second->c_str(), 1);
      else ::unsetenv(it->first.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  void set(const char* name, const char* value) {
    remember(name);
    ::setenv(name, value, 1);
  }
  void unset(const char* name) {
    remember(name);
    ::unsetenv(name);
  }

 private:
  void remember(const char* name) {
    const char* old = std::getenv(name);
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace scrapers::testing
