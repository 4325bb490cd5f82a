#include "tests/fixture_server/fixture_server.hpp"

#include <csignal>
#include <mutex>
#include <thread>

#include "tests/fixture_server/responses.hpp"

namespace scrapers::testing {
namespace {

constexpr std::size_t kThreads = 32;

// Counts accepted connections: httplib enqueues one task per accepted socket.
class CountingTaskQueue final : public httplib::TaskQueue {
 public:
  CountingTaskQueue(std::size_t threads, std::atomic<std::size_t>& counter)
      : pool_(threads), counter_(counter) {}
  void enqueue(std::function<void()> fn) override {
    ++counter_;
    pool_.enqueue(std::move(fn));
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<std::size_t>& counter_;
};

struct Entry {
  LoggedRequest request;
  std::shared_ptr<std::atomic<std::size_t>> sent = std::make_shared<std::atomic<std::size_t>>(0);
  std::atomic<int> status{0};
};

std::string query_of(const httplib::Request& req) {
  const auto q = req.target.find('?');
  return q == std::string::npos ? "" : req.target.substr(q + 1);
}

void json_reply(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

}  // namespace

std::string LoggedRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (http::header_name_equals(key, name)) return value;
  }
  return {};
}

struct FixtureServer::State {
  FixtureServerOptions options;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connections{0};
  std::optional<http::RecordingIndex> recordings;
  std::mutex emulator_mutex;  // emulators are called one at a time
  std::vector<std::unique_ptr<SiteEmulator>> emulators;
  mutable std::mutex mutex;
  std::vector<FaultRule> rules;
  std::vector<std::shared_ptr<Entry>> log;

  void dispatch(const httplib::Request& req, httplib::Response& res);
  void control(const httplib::Request& req, httplib::Response& res);
  std::shared_ptr<Entry> log_request(const httplib::Request& req);
  std::optional<FaultRule> take_fault(const httplib::Request& req);
  bool apply_fault(const FaultRule& rule, const httplib::Request& req, httplib::Response& res,
                   Entry& entry);
  void answer(const httplib::Request& req, httplib::Response& res);
  bool generator(const httplib::Request& req, httplib::Response& res);
  bool serve_recording(std::string_view method, std::string_view target, std::string_view body,
                       httplib::Response& res);
  std::pair<std::string, std::string> body_for(const FaultRule& rule, const httplib::Request& req);
};

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
  if (!done) answer(req, res);
  if (!res.content_provider_) *entry->sent = res.body.size();
  entry->status = res.status;
}

std::shared_ptr<Entry> FixtureServer::State::log_request(const httplib::Request& req) {
  auto entry = std::make_shared<Entry>();
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

bool FixtureServer::State::apply_fault(const FaultRule& rule, const httplib::Request& req,
                                       httplib::Response& res, Entry& entry) {
  for (const auto& [name, value] : rule.headers) res.set_header(name, value);
  const std::string& kind = rule.fault;
  if (kind == "delay") {
    sleep_unless(stopping, std::chrono::milliseconds(rule.delay_ms));
    if (!rule.body) return false;
    res.set_content(*rule.body, rule.content_type.empty() ? "text/plain" : rule.content_type);
  } else if (kind == "status") {
    res.status = rule.status != 0 ? rule.status : 500;
    res.set_content(rule.body.value_or(nlohmann::json{{"message", "injected " + std::to_string(res.status)}}.dump()),
                    rule.content_type.empty() ? "application/json" : rule.content_type);
  } else if (kind == "reset") {
    reset_connection(req);
    res.status = 500;
  } else if (kind == "redirect") {
    res.status = rule.status != 0 ? rule.status : 302;
    res.set_header("Location", rule.location);
  } else if (kind == "challenge") {
    res.status = rule.status != 0 ? rule.status : 403;
    res.set_header("Server", "cloudflare");
    res.set_header("cf-ray", "8f1b2c3d4e5f6789-AMS");
    res.set_header("cf-mitigated", "challenge");
    res.set_header("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");
    res.set_content(challenge_page(), "text/html; charset=UTF-8");
  } else if (kind == "gzip" || kind == "br") {
    auto [body, type] = body_for(rule, req);
    res.status = rule.status != 0 ? rule.status : 200;
    res.set_header("Content-Encoding", kind);
    StreamSpec spec;
    spec.body = kind == "gzip" ? gzip_compress(body) : brotli_compress(body);
    set_streamed_body(res, type, std::move(spec), entry.sent, stopping);
  } else {  // truncate, oversized, slow
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
    set_streamed_body(res, rule.content_type.empty() ? "text/plain" : rule.content_type,
                      std::move(spec), entry.sent, stopping);
  }
  return true;
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
    json_reply(res, 200, {{"method", req.method}, {"path", req.path}, {"query", query_of(req)},
                          {"headers", headers}, {"body", req.body}});
    return true;
  }
  return false;
}

bool FixtureServer::State::serve_recording(std::string_view method, std::string_view target,
                                           std::string_view body, httplib::Response& res) {
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

FixtureServer::FixtureServer(FixtureServerOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
}

FixtureServer::~FixtureServer() { stop(); }

Status FixtureServer::start() {
  State& s = *state_;
  if (!s.options.root.empty()) {
    auto index = http::RecordingIndex::load(s.options.root);
    if (!index.ok()) return std::move(index).error();
    s.recordings = std::move(*index);
  }
  for (const auto& name : s.options.emulators) {
    auto emulator = make_emulator(name);
    if (!emulator) return make_error(ErrorKind::invalid_argument, "unknown emulator " + name);
    s.emulators.push_back(std::move(emulator));
  }
  std::signal(SIGPIPE, SIG_IGN);
  const auto handler = [&s](const httplib::Request& req, httplib::Response& res) { s.dispatch(req, res); };
  s.server.Get(".*", handler).Post(".*", handler).Put(".*", handler).Patch(".*", handler);
  s.server.Delete(".*", handler).Options(".*", handler);
  s.server.new_task_queue = [&s] { return new CountingTaskQueue(kThreads, s.connections); };
  s.server.set_keep_alive_max_count(1000).set_keep_alive_timeout(2).set_tcp_nodelay(true);
  s.server.set_payload_max_length(std::size_t{64} << 20);
  const std::string host = "127.0.0.1";
  s.port = s.options.port == 0 ? s.server.bind_to_any_port(host)
                               : (s.server.bind_to_port(host, s.options.port) ? s.options.port : -1);
  if (s.port <= 0) {
    return make_error(ErrorKind::io, "cannot listen on " + host + ":" + std::to_string(s.options.port));
  }
  s.thread = std::thread([&s] { s.server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !s.server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!s.server.is_running()) return make_error(ErrorKind::internal, "fixture server did not start");
  return Ok{};
}

void FixtureServer::stop() {
  if (!state_ || !state_->thread.joinable()) return;
  state_->stopping = true;
  state_->server.stop();
  state_->thread.join();
}

int FixtureServer::port() const { return state_->port; }

std::string FixtureServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

void FixtureServer::add_fault(FaultRule rule) {
  const std::lock_guard lock(state_->mutex);
  state_->rules.push_back(std::move(rule));
}

void FixtureServer::add_emulator(std::unique_ptr<SiteEmulator> emulator) {
  const std::lock_guard lock(state_->emulator_mutex);
  state_->emulators.push_back(std::move(emulator));
}

void FixtureServer::reset() {
  const std::lock_guard lock(state_->mutex);
  state_->rules.clear();
  state_->log.clear();
  state_->connections = 0;
}

std::vector<LoggedRequest> FixtureServer::requests() const {
  const std::lock_guard lock(state_->mutex);
  std::vector<LoggedRequest> out;
  for (const auto& entry : state_->log) {
    LoggedRequest copy = entry->request;
    copy.status = entry->status.load();
    copy.bytes_sent = entry->sent->load();
    out.push_back(std::move(copy));
  }
  return out;
}

std::size_t FixtureServer::connections() const { return state_->connections.load(); }

nlohmann::json FixtureServer::requests_json() const { return requests_json_of(*state_); }

nlohmann::json FixtureServer::requests_json_of(const State& state) {
  nlohmann::json list = nlohmann::json::array();
  const std::lock_guard lock(state.mutex);
  for (const auto& entry : state.log) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : entry->request.headers) headers[name] = value;
    list.push_back({{"seq", entry->request.seq}, {"method", entry->request.method},
                    {"path", entry->request.path}, {"query", entry->request.query},
                    {"headers", headers}, {"remote_port", entry->request.remote_port},
                    {"fault", entry->request.fault}, {"status", entry->status.load()},
                    {"bytes_sent", entry->sent->load()}});
  }
  return {{"connections", state.connections.load()}, {"requests", list}};
}

}  // namespace scrapers::testing
