#include "tests/fixture_server/server_state.hpp"

namespace scrapers::testing {

void FixtureServer::State::control(const httplib::Request& req, httplib::Response& res) {
  const std::string& path = req.path;
  if (path == "/__control/health") {
    res.set_content("ok", "text/plain");
  } else if (path == "/__control/faults" && req.method == "POST") {
    auto json = nlohmann::json::parse(req.body, nullptr, false);
    if (json.is_discarded()) return json_reply(res, 400, {{"error", "body is not JSON"}});
    if (!json.is_array()) json = nlohmann::json::array({json});
    std::vector<FaultRule> parsed;
    for (const auto& item : json) {
      auto rule = parse_fault_rule(item);
      if (!rule.ok()) return json_reply(res, 400, {{"error", rule.error().message}});
      parsed.push_back(std::move(*rule));
    }
    const std::lock_guard lock(mutex);
    rules.insert(rules.end(), parsed.begin(), parsed.end());
    json_reply(res, 200, {{"added", parsed.size()}});
  } else if (path == "/__control/faults") {
    nlohmann::json out = nlohmann::json::array();
    const std::lock_guard lock(mutex);
    for (const auto& rule : rules) out.push_back(fault_rule_json(rule));
    json_reply(res, 200, out);
  } else if (path == "/__control/reset" && req.method == "POST") {
    const std::lock_guard lock(mutex);
    rules.clear();
    log.clear();
    connections = 0;
    json_reply(res, 200, {{"reset", true}});
  } else if (path == "/__control/requests") {
    json_reply(res, 200, FixtureServer::requests_json_of(*this));
  } else {
    json_reply(res, 404, {{"error", "unknown control endpoint " + req.method + " " + path}});
  }
}

nlohmann::json FixtureServer::requests_json_of(const State& state) {
  nlohmann::json list = nlohmann::json::array();
  const std::lock_guard lock(state.mutex);
  for (const auto& entry : state.log) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : entry->request.headers) headers[name] = value;
    list.push_back({{"seq", entry->request.seq},
                    {"method", entry->request.method},
                    {"path", entry->request.path},
                    {"query", entry->request.query},
                    {"headers", headers},
                    {"remote_port", entry->request.remote_port},
                    {"fault", entry->request.fault},
                    {"status", entry->status.load()},
                    {"bytes_sent", entry->sent->load()}});
  }
  return {{"connections", state.connections.load()}, {"requests", list}};
}

}  // namespace scrapers::testing
