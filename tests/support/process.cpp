#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace scrapers::testing {
namespace {

struct Pipe {
  int read = -1;
  int write = -1;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  return {fds[0], fds[1]};
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::vector<std::string> build_environment(const ProcessOptions& options) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    vars[std::string(entry.substr(0, eq))] = std::string(entry.substr(eq + 1));
  }
  for (const auto& name : options.unset_env) vars.erase(name);
  for (const auto& [name, value] : options.env) vars[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : vars) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

struct RunningProcess::State {
  pid_t pid = -1;
  int in_fd = -1, out_fd = -1, err_fd = -1;
  std::string stdin_data;
  std::thread reader;
  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  std::string out, err;
  bool streams_closed = false;
  bool reaped = false;
  std::atomic<bool> exited{false};  // once set, the reader stops at the first idle poll
  int status = 0;

  void read_loop();
  bool try_reap();
  ProcessResult result(bool timed_out);
};

void RunningProcess::State::read_loop() {
  std::size_t written = 0;
  if (stdin_data.empty()) close_fd(in_fd);
  char buffer[8192];
  while (out_fd >= 0 || err_fd >= 0) {
    pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    const int ready = ::poll(fds, 3, 50);
    if (ready < 0 && errno != EINTR) break;
    // A grandchild may keep the pipes open after the child exits: stop once drained.
    if (ready == 0 && exited.load()) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      std::lock_guard lock(mutex);
      if (n <= 0) close_fd(i == 0 ? out_fd : err_fd);
      else (i == 0 ? out : err).append(buffer, static_cast<std::size_t>(n));
      changed.notify_all();
    }
    if (in_fd >= 0 && fds[2].revents != 0) {
      ssize_t n = ::write(in_fd, stdin_data.data() + written, stdin_data.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EINTR && errno != EAGAIN) close_fd(in_fd);
      if (written >= stdin_data.size()) close_fd(in_fd);
    }
  }
  close_fd(in_fd);
  std::lock_guard lock(mutex);
  close_fd(out_fd);
  close_fd(err_fd);
  streams_closed = true;
  changed.notify_all();
}

bool RunningProcess::State::try_reap() {
  if (reaped) return true;
  int wstatus = 0;
  pid_t r = ::waitpid(pid, &wstatus, WNOHANG);
  if (r == pid) {
    reaped = true;
    status = wstatus;
    exited.store(true);
  }
  return reaped;
}

ProcessResult RunningProcess::State::result(bool timed_out) {
  if (reader.joinable()) reader.join();
  ProcessResult r;
  r.timed_out = timed_out;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.term_signal = WTERMSIG(status);
  std::lock_guard lock(mutex);
  r.out = out;
  r.err = err;
  return r;
}

RunningProcess::RunningProcess(std::unique_ptr<State> state) : state_(std::move(state)) {}
RunningProcess::RunningProcess(RunningProcess&&) noexcept = default;
RunningProcess& RunningProcess::operator=(RunningProcess&&) noexcept = default;

RunningProcess::~RunningProcess() {
  if (!state_) return;
  if (!state_->try_reap()) {
    ::kill(state_->pid, SIGKILL);
    int wstatus = 0;
    ::waitpid(state_->pid, &wstatus, 0);
    state_->reaped = true;
    state_->exited.store(true);
  }
  if (state_->reader.joinable()) state_->reader.join();
}

pid_t RunningProcess::pid() const { return state_->pid; }

void RunningProcess::send_signal(int signal_number) const {
  if (!state_->reaped) ::kill(state_->pid, signal_number);
}

bool RunningProcess::wait_for_output(std::string_view needle, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(state_->mutex);
  return state_->changed.wait_for(lock, timeout, [&] {
    return state_->out.find(needle) != std::string::npos || state_->err.find(needle) != std::string::npos ||
           state_->streams_closed;
  }) && (state_->out.find(needle) != std::string::npos || state_->err.find(needle) != std::string::npos);
}

std::string RunningProcess::out_so_far() const {
  std::lock_guard lock(state_->mutex);
  return state_->out;
}

std::string RunningProcess::err_so_far() const {
  std::lock_guard lock(state_->mutex);
  return state_->err;
}

std::optional<ProcessResult> RunningProcess::wait_for(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!state_->try_reap()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return state_->result(false);
}

ProcessResult RunningProcess::wait(std::chrono::milliseconds timeout) {
  if (auto r = wait_for(timeout)) return *r;
  ::kill(state_->pid, SIGKILL);
  int wstatus = 0;
  ::waitpid(state_->pid, &wstatus, 0);
  state_->reaped = true;
  state_->status = wstatus;
  state_->exited.store(true);
  return state_->result(true);
}

namespace {

// posix_spawn's file actions and attributes, destroyed with the object: the child gets
// the pipes as fds 0-2, default signal dispositions and an empty signal mask.
class SpawnSetup {
 public:
  SpawnSetup(const Pipe& in, const Pipe& out, const Pipe& err, const std::string& cwd) {
    posix_spawn_file_actions_init(&actions_);
    posix_spawn_file_actions_adddup2(&actions_, in.read, 0);
    posix_spawn_file_actions_adddup2(&actions_, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions_, err.write, 2);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions_, cwd.c_str());
    posix_spawnattr_init(&attr_);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr_, &all);
    posix_spawnattr_setsigmask(&attr_, &none);
    posix_spawnattr_setflags(&attr_, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attr_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  int spawn(pid_t* pid, const std::string& path, char* const* argv, char* const* envp) const {
    return ::posix_spawn(pid, path.c_str(), &actions_, &attr_, argv, envp);
  }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attr_;
};

}  // namespace

RunningProcess start_process(const std::string& path, const std::vector<std::string>& args,
                             const ProcessOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // a child that stops reading stdin must not kill the test
  std::vector<std::string> argv_strings{path};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  auto env_strings = build_environment(options);
  auto argv = pointers(argv_strings);
  auto envp = pointers(env_strings);

  Pipe in = make_pipe(), out = make_pipe(), err = make_pipe();
  auto state = std::make_unique<RunningProcess::State>();
  const int rc = SpawnSetup(in, out, err, options.working_directory)
                     .spawn(&state->pid, path, argv.data(), envp.data());
  for (int* fd : {&in.read, &out.write, &err.write}) close_fd(*fd);
  if (rc != 0) {
    for (int* fd : {&in.write, &out.read, &err.read}) close_fd(*fd);
    throw std::runtime_error("cannot start " + path + ": " + std::strerror(rc));
  }
  ::fcntl(in.write, F_SETFL, O_NONBLOCK);
  state->in_fd = in.write;
  state->out_fd = out.read;
  state->err_fd = err.read;
  state->stdin_data = options.stdin_data.value_or("");
  state->reader = std::thread([s = state.get()] { s->read_loop(); });
  return RunningProcess(std::move(state));
}

ProcessResult run_process(const std::string& path, const std::vector<std::string>& args,
                          const ProcessOptions& options) {
  auto process = start_process(path, args, options);
  return process.wait(options.timeout);
}

}  // namespace scrapers::testing
