#include "tests/fixture_server/fault_rule.hpp"

#include <algorithm>
#include <array>

namespace scrapers::testing {
namespace {

constexpr std::array<std::string_view, 11> kKinds = {"status", "delay",     "reset",       "truncate",
                                                     "gzip",   "br",        "redirect",    "oversized",
                                                     "slow",   "challenge", "hostile_html"};
constexpr std::array<std::string_view, 3> kShapes = {"nested", "attributes", "elements"};

Error invalid(const std::string& why) { return make_error(ErrorKind::invalid_argument, "bad fault rule: " + why); }

template <class T>
Status read_field(const nlohmann::json& json, const char* name, T& out) {
  if (!json.contains(name)) return Ok{};
  try {
    out = json.at(name).get<T>();
  } catch (const nlohmann::json::exception&) {
    return invalid(std::string("field \"") + name + "\" has the wrong type");
  }
  return Ok{};
}

}  // namespace

bool FaultRule::matches(std::string_view request_method, std::string_view request_path) const {
  if (!method.empty() && method != request_method) return false;
  if (!path.empty() && path.back() == '*') {
    return request_path.substr(0, path.size() - 1) == std::string_view(path).substr(0, path.size() - 1);
  }
  return request_path == path;
}

Result<FaultRule> parse_fault_rule(const nlohmann::json& json) {
  if (!json.is_object()) return invalid("expected a JSON object");
  FaultRule rule;
  std::string body;
  nlohmann::json headers = nlohmann::json::object();
  for (auto status : {read_field(json, "path", rule.path), read_field(json, "method", rule.method),
                      read_field(json, "fault", rule.fault), read_field(json, "times", rule.times),
                      read_field(json, "status", rule.status), read_field(json, "body", body),
                      read_field(json, "content_type", rule.content_type),
                      read_field(json, "delay_ms", rule.delay_ms), read_field(json, "location", rule.location),
                      read_field(json, "bytes", rule.bytes), read_field(json, "chunk_bytes", rule.chunk_bytes),
                      read_field(json, "interval_ms", rule.interval_ms), read_field(json, "headers", headers),
                      read_field(json, "shape", rule.shape), read_field(json, "count", rule.count)}) {
    if (!status.ok()) return std::move(status).error();
  }
  if (json.contains("body")) rule.body = body;
  if (rule.path.empty() || rule.path.front() != '/') return invalid("\"path\" must start with '/'");
  if (std::find(kKinds.begin(), kKinds.end(), rule.fault) == kKinds.end()) {
    return invalid("unknown fault \"" + rule.fault + "\"");
  }
  if (rule.fault == "hostile_html" && std::find(kShapes.begin(), kShapes.end(), rule.shape) == kShapes.end()) {
    return invalid("\"shape\" must be nested, attributes or elements");
  }
  if (!headers.is_object()) return invalid("\"headers\" must be an object");
  for (const auto& [name, value] : headers.items()) {
    if (!value.is_string()) return invalid("header " + name + " must be a string");
    rule.headers.emplace_back(name, value.get<std::string>());
  }
  if (rule.chunk_bytes == 0) rule.chunk_bytes = 1;
  return rule;
}

nlohmann::json fault_rule_json(const FaultRule& rule) {
  nlohmann::json json{{"path", rule.path}, {"fault", rule.fault}, {"times", rule.times}};
  if (!rule.method.empty()) json["method"] = rule.method;
  if (rule.status != 0) json["status"] = rule.status;
  return json;
}

}  // namespace scrapers::testing
