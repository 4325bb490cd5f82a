#include "tests/fixture_server/fixture_server.hpp"

#include <csignal>
#include <mutex>
#include <thread>

#include "tests/fixture_server/server_state.hpp"

namespace scrapers::testing {
namespace {

constexpr std::size_t kThreads = 32;

// Counts accepted connections: httplib enqueues one task per accepted socket.
class CountingTaskQueue final : public httplib::TaskQueue {
 public:
  CountingTaskQueue(std::size_t threads, std::atomic<std::size_t>& counter) : pool_(threads), counter_(counter) {}
  void enqueue(std::function<void()> fn) override {
    ++counter_;
    pool_.enqueue(std::move(fn));
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<std::size_t>& counter_;
};

}  // namespace

std::string LoggedRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (http::header_name_equals(key, name)) return value;
  }
  return {};
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

}  // namespace scrapers::testing
