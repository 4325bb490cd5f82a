#include <thread>

#include "tests/fixture_server/responses.hpp"
#include "tests/fixture_server/server_state.hpp"

namespace scrapers::testing {

std::string query_of(const httplib::Request& req) {
  const auto q = req.target.find('?');
  return q == std::string::npos ? "" : req.target.substr(q + 1);
}

void json_reply(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void FixtureServer::State::dispatch(const httplib::Request& req, httplib::Response& res) {
  if (req.path.rfind("/__control/", 0) == 0) {
    control(req, res);
    return;
  }
  const auto entry = log_request(req);
  const auto rule = take_fault(req);
  bool done = false;
  if (rule) {
    entry->request.fault = rule->fault;
    done = apply_fault(*rule, req, res, *entry);
  }
  if (!done) {
    // cpp-httplib would brotli-compress every text answer at quality 11 (tens of ms per
    // page), which swamps what end-to-end tests and benchmarks measure. Recordings are
    // served as recorded; compressed answers come only from the gzip/br faults. The
    // request was logged above with its Accept-Encoding intact. httplib owns the
    // Request as a non-const object, so dropping the header here is well-defined.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    answer(req, res);
  }
  if (!res.content_provider_) *entry->sent = res.body.size();
  entry->status = res.status;
}

std::shared_ptr<LogEntry> FixtureServer::State::log_request(const httplib::Request& req) {
  auto entry = std::make_shared<LogEntry>();
  entry->request.method = req.method;
  entry->request.path = req.path;
  entry->request.query = query_of(req);
  entry->request.remote_port = req.remote_port;
  for (const auto& [name, value] : req.headers) {
    if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT") {
      entry->request.headers.emplace_back(name, value);
    }
  }
  const std::lock_guard lock(mutex);
  entry->request.seq = log.size() + 1;
  log.push_back(entry);
  return entry;
}

std::optional<FaultRule> FixtureServer::State::take_fault(const httplib::Request& req) {
  const std::lock_guard lock(mutex);
  for (auto& rule : rules) {
    if (rule.times == 0 || !rule.matches(req.method, req.path)) continue;
    if (rule.times > 0) --rule.times;
    return rule;
  }
  return std::nullopt;
}

std::pair<std::string, std::string> FixtureServer::State::body_for(const FaultRule& rule,
                                                                   const httplib::Request& req) {
  if (rule.body) return {*rule.body, rule.content_type.empty() ? "text/plain" : rule.content_type};
  if (recordings) {
    if (auto found = recordings->find(req.method, req.target, req.body); found.ok()) {
      if (auto body = http::read_recording_body(**found); body.ok()) {
        return {std::move(*body), (*found)->content_type};
      }
    }
  }
  return {filler_text(4096), rule.content_type.empty() ? "text/plain" : rule.content_type};
}

bool FixtureServer::State::apply_fault(const FaultRule& rule, const httplib::Request& req, httplib::Response& res,
                                       LogEntry& entry) {
  for (const auto& [name, value] : rule.headers) res.set_header(name, value);
  const std::string& kind = rule.fault;
  if (kind == "delay") {
    sleep_unless(stopping, std::chrono::milliseconds(rule.delay_ms));
    if (!rule.body) return false;
    res.set_content(*rule.body, rule.content_type.empty() ? "text/plain" : rule.content_type);
  } else if (kind == "status") {
    res.status = rule.status != 0 ? rule.status : 500;
    const std::string fallback = nlohmann::json{{"message", "injected " + std::to_string(res.status)}}.dump();
    res.set_content(rule.body.value_or(fallback),
                    rule.content_type.empty() ? "application/json" : rule.content_type);
  } else if (kind == "reset") {
    reset_connection(req);
    res.status = 500;  // never reaches the client
  } else if (kind == "redirect") {
    res.status = rule.status != 0 ? rule.status : 302;
    res.set_header("Location", rule.location);
  } else if (kind == "challenge") {
    set_challenge(rule, res);
  } else if (kind == "hostile_html") {
    res.status = rule.status != 0 ? rule.status : 200;
    StreamSpec spec;  // streamed: httplib would otherwise spend seconds compressing it
    spec.body = hostile_html(rule.shape, rule.count != 0 ? rule.count : 100000);
    set_streamed_body(res, "text/html; charset=utf-8", std::move(spec), entry.sent, stopping);
  } else if (kind == "gzip" || kind == "br") {
    auto [body, type] = body_for(rule, req);
    res.status = rule.status != 0 ? rule.status : 200;
    res.set_header("Content-Encoding", kind);
    StreamSpec spec;
    spec.body = kind == "gzip" ? gzip_compress(body) : brotli_compress(body);
    set_streamed_body(res, type, std::move(spec), entry.sent, stopping);
  } else {
    set_stream_fault(rule, res, entry);
  }
  return true;
}

void FixtureServer::State::set_challenge(const FaultRule& rule, httplib::Response& res) {
  res.status = rule.status != 0 ? rule.status : 403;
  res.set_header("Server", "cloudflare");
  res.set_header("cf-ray", "8f1b2c3d4e5f6789-AMS");
  res.set_header("cf-mitigated", "challenge");
  res.set_header("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");
  res.set_content(challenge_page(), "text/html; charset=UTF-8");
}

// truncate, oversized and slow: a streamed body with an exact Content-Length.
void FixtureServer::State::set_stream_fault(const FaultRule& rule, httplib::Response& res, LogEntry& entry) {
  const std::string& kind = rule.fault;
  StreamSpec spec;
  spec.chunk = kind == "slow" ? rule.chunk_bytes : 64 * 1024;
  spec.interval = std::chrono::milliseconds(kind == "slow" ? rule.interval_ms : 0);
  if (kind == "truncate") {
    spec.body = rule.body.value_or(filler_text(1000));
    spec.declared = spec.body->size() + (rule.bytes != 0 ? rule.bytes : 1000);
  } else {
    spec.available = rule.bytes != 0 ? rule.bytes : (kind == "slow" ? 1u << 20 : 64u << 20);
  }
  res.status = rule.status != 0 ? rule.status : 200;
  set_streamed_body(res, rule.content_type.empty() ? "text/plain" : rule.content_type, std::move(spec), entry.sent,
                    stopping);
}

void FixtureServer::State::answer(const httplib::Request& req, httplib::Response& res) {
  {
    const std::lock_guard lock(emulator_mutex);
    EmulatorContext ctx;
    ctx.recordings = recordings ? &*recordings : nullptr;
    ctx.serve_recording = [this](std::string_view m, std::string_view t, std::string_view b,
                                 httplib::Response& r) { return serve_recording(m, t, b, r); };
    for (auto& emulator : emulators) {
      if (emulator->handle(req, res, ctx)) return;
    }
  }
  if (generator(req, res)) return;
  if (serve_recording(req.method, req.target, req.body, res)) return;
  json_reply(res, 404, {{"error", "no recording for " + req.method + " " + req.target}});
}

bool FixtureServer::State::generator(const httplib::Request& req, httplib::Response& res) {
  const std::string redirect_prefix = "/__gen/redirect/";
  if (req.path.rfind(redirect_prefix, 0) == 0) {
    int hops = 0;
    try {
      hops = std::stoi(req.path.substr(redirect_prefix.size()));
    } catch (const std::exception&) {
      return false;
    }
    if (hops <= 0) {
      res.set_content("end of redirect chain\n", "text/plain");
    } else {
      res.status = 302;
      res.set_header("Location", redirect_prefix + std::to_string(hops - 1));
    }
    return true;
  }
  if (req.path == "/__gen/echo") {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : req.headers) headers[name] = value;
    json_reply(res, 200,
               {{"method", req.method},
                {"path", req.path},
                {"query", query_of(req)},
                {"headers", headers},
                {"body", req.body}});
    return true;
  }
  return false;
}

bool FixtureServer::State::serve_recording(std::string_view method, std::string_view target, std::string_view body,
                                           httplib::Response& res) {
  if (!recordings) return false;
  auto found = recordings->find(method, target, body);
  if (!found.ok()) {
    if (found.error().kind == ErrorKind::not_found) return false;
    json_reply(res, 500, {{"error", found.error().describe()}});
    return true;
  }
  const http::Recording& recording = **found;
  auto content = http::read_recording_body(recording);
  if (!content.ok()) {
    json_reply(res, 500, {{"error", content.error().describe()}});
    return true;
  }
  res.status = recording.status;
  for (const auto& [name, value] : recording.headers.entries) {
    if (http::header_name_equals(name, "Content-Type") || http::header_name_equals(name, "Content-Length") ||
        http::header_name_equals(name, "Content-Encoding") ||
        http::header_name_equals(name, "Transfer-Encoding")) {
      continue;
    }
    res.set_header(name, value);
  }
  if (!content->empty() || !recording.content_type.empty()) {
    res.set_content(std::move(*content),
                    recording.content_type.empty() ? "application/octet-stream" : recording.content_type);
  }
  return true;
}

}  // namespace scrapers::testing
