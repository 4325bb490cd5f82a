#include "scrapers/dashboard/routes.hpp"

#include "common/util/log.hpp"
#include "scrapers/dashboard/api_actions.hpp"
#include "scrapers/dashboard/api_read.hpp"

namespace scrapers::dashboard {
namespace {

using Req = httplib::Request;
using Res = httplib::Response;
using State = DashboardServer::State;

constexpr std::size_t kMaxQueryValue = 200;
constexpr std::size_t kMaxQueryParams = 8;
constexpr int kDefaultFailures = 50;

std::optional<Session> session_of(State& s, const Req& req) {
  return s.sessions.find(req.get_header_value("Cookie"));
}

std::optional<ApiResponse> refuse_read(State& s, const Req& req) {
  if (req.params.size() > kMaxQueryParams) return error_response(400, "too many query parameters");
  for (const auto& [name, value] : req.params) {
    if (name.size() > kMaxQueryValue || value.size() > kMaxQueryValue) {
      return error_response(400, "a query parameter is longer than 200 bytes");
    }
  }
  if (s.config.listen.is_loopback() || session_of(s, req)) return std::nullopt;
  return error_response(401, "log in first: this dashboard listens beyond loopback");
}

// A GET route whose answer is built from the database.
void add_read(State& s, const std::string& pattern,
              std::function<ApiResponse(tracking::Database&, const Req&)> build) {
  s.server.Get(pattern, [&s, build](const Req& req, Res& res) {
    if (auto refusal = refuse_read(s, req)) return send(res, *refusal);
    send(res, s.database.run([&](tracking::Database& db) { return build(db, req); }));
  });
}

bool is_json(const Req& req) { return req.get_header_value("Content-Type").rfind("application/json", 0) == 0; }

// Checks every POST shares: actions on, a JSON body, same origin.
std::optional<ApiResponse> refuse_post(State& s, const Req& req) {
  if (!s.sessions.actions_enabled()) {
    return error_response(403, "actions are off: the dashboard was started without DASHBOARD_TOKEN");
  }
  if (!is_json(req)) return error_response(415, "a POST body must be application/json");
  const std::string origin = req.get_header_value("Origin");
  const std::string host = req.get_header_value("Host");
  if (!origin.empty() && origin != "http://" + host && origin != "https://" + host) {
    return error_response(403, "cross-origin request refused");
  }
  return std::nullopt;
}

// The session of a POST that may act: refuse_post, then the cookie and the CSRF token.
std::optional<ApiResponse> refuse_action(State& s, const Req& req) {
  if (auto refusal = refuse_post(s, req)) return refusal;
  const auto session = session_of(s, req);
  if (!session) return error_response(401, "log in first");
  const std::string csrf = req.get_header_value("X-CSRF-Token");
  if (csrf.empty() || !same_secret(csrf, session->csrf)) return error_response(403, "missing or wrong CSRF token");
  return std::nullopt;
}

// A string field of a JSON body ("" when absent or not a string; nullopt when not JSON).
std::optional<std::string> body_field(const Req& req, const char* name) {
  const Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void add_action(State& s, const std::string& pattern,
                std::function<ApiResponse(tracking::Database&, const Req&)> act) {
  s.server.Post(pattern, [&s, act](const Req& req, Res& res) {
    if (auto refusal = refuse_action(s, req)) return send(res, *refusal);
    const ApiResponse answer = s.database.run([&](tracking::Database& db) { return act(db, req); });
    log::info("dashboard: " + req.path + " -> " + std::to_string(answer.status));
    send(res, answer);
  });
}

std::string cookie(const std::string& value, int max_age) {
  return std::string(kSessionCookie) + "=" + value +
         "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
}

void add_session_routes(State& s) {
  s.server.Get("/api/session", [&s](const Req& req, Res& res) {
    const auto session = session_of(s, req);
    send(res, ApiResponse{200, Json{{"actions_enabled", s.sessions.actions_enabled()},
                                    {"logged_in", session.has_value()},
                                    {"csrf_token", session ? Json(session->csrf) : Json(nullptr)},
                                    {"login_required", !s.config.listen.is_loopback()}}});
  });
  s.server.Post("/api/login", [&s](const Req& req, Res& res) {
    if (auto refusal = refuse_post(s, req)) return send(res, *refusal);
    const auto token = body_field(req, "token");
    if (!token) return send(res, error_response(400, "the body must be a JSON object {\"token\": ...}"));
    if (const auto wait = s.login_throttle.retry_after(req.remote_addr)) {
      res.set_header("Retry-After", std::to_string(wait->count()));
      return send(res, error_response(429, "too many wrong tokens from this address; try again in " +
                                               std::to_string(wait->count()) + " s"));
    }
    const auto session = s.sessions.login(*token);
    if (!session) {
      s.login_throttle.record_failure(req.remote_addr);
      log::warn("dashboard: a login with a wrong token from " + req.remote_addr);
      return send(res, error_response(401, "wrong token"));
    }
    s.login_throttle.record_success(req.remote_addr);
    res.set_header("Set-Cookie", cookie(session->id, 12 * 3600));
    send(res, ApiResponse{200, Json{{"logged_in", true}, {"csrf_token", session->csrf}}});
  });
  s.server.Post("/api/logout", [&s](const Req& req, Res& res) {
    if (auto refusal = refuse_action(s, req)) return send(res, *refusal);
    s.sessions.logout(req.get_header_value("Cookie"));
    res.set_header("Set-Cookie", cookie("", 0));
    send(res, ApiResponse{200, Json{{"logged_in", false}}});
  });
}

// ?limit= (digits, 1-200) and ?program=.
ApiResponse failures(tracking::Database& db, const Req& req) {
  int limit = kDefaultFailures;
  if (req.has_param("limit")) {
    const std::string text = req.get_param_value("limit");
    const bool digits = !text.empty() && text.size() <= 3 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    limit = digits ? std::stoi(text) : 0;
    if (limit < 1 || limit > kMaxFailuresLimit) return error_response(400, "limit must be a number from 1 to 200");
  }
  std::optional<std::string> program;
  if (req.has_param("program") && !req.get_param_value("program").empty())
    program = req.get_param_value("program");
  return respond(failures_json(db, limit, program));
}

}  // namespace

void add_api_routes(State& s) {
  add_session_routes(s);
  add_read(s, "/api/overview", [](auto& db, const Req&) { return respond(overview_json(db)); });
  add_read(s, "/api/running", [](auto& db, const Req&) { return respond(running_json(db)); });
  add_read(s, "/api/failures", failures);
  add_read(s, "/api/charts", [](auto& db, const Req&) { return respond(charts_json(db)); });
  add_read(s, "/api/schedules", [](auto& db, const Req&) { return respond(schedules_json(db)); });
  add_read(s, R"(/api/jobs/([^/]+))",
           [](auto& db, const Req& req) { return respond(job_json(db, req.matches[1])); });
  add_action(s, R"(/api/jobs/([^/]+)/cancel)",
             [](auto& db, const Req& req) { return cancel_action(db, req.matches[1]); });
  add_action(s, R"(/api/jobs/([^/]+)/retry)",
             [](auto& db, const Req& req) { return retry_action(db, req.matches[1]); });
  add_action(s, R"(/api/sources/([^/]+)/pause)",
             [](auto& db, const Req& req) { return pause_action(db, req.matches[1], true); });
  add_action(s, R"(/api/sources/([^/]+)/resume)",
             [](auto& db, const Req& req) { return pause_action(db, req.matches[1], false); });
  add_action(s, "/api/schedules/enqueue", [](auto& db, const Req& req) {
    const auto name = body_field(req, "name");
    if (!name) return error_response(400, "the body must be a JSON object {\"name\": ...}");
    return enqueue_schedule_action(db, *name);
  });
}

}  // namespace scrapers::dashboard
