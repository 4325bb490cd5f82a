#include "common/util/env.hpp"

#include <cstdlib>
#include <fstream>
#include <string_view>

namespace scrapers::env {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    return std::string(value.substr(1, value.size() - 2));
  }
  // Unquoted values may carry a trailing " # comment".
  if (auto hash = value.find(" #"); hash != std::string_view::npos) value = trim(value.substr(0, hash));
  return std::string(value);
}

}  // namespace

int load_dotenv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return 0;
  int count = 0;
  std::string raw;
  while (std::getline(in, raw)) {
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("export ")) line = trim(line.substr(7));
    auto eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string key(trim(line.substr(0, eq)));
    std::string value = unquote(trim(line.substr(eq + 1)));
    if (std::getenv(key.c_str()) != nullptr) continue;
    if (::setenv(key.c_str(), value.c_str(), 0) == 0) ++count;
  }
  return count;
}

std::optional<std::string> get(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string get_or(const char* name, std::string fallback) {
  auto value = get(name);
  return value ? *value : std::move(fallback);
}

}  // namespace scrapers::env
