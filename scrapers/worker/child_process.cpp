#include "scrapers/worker/child_process.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "common/util/env.hpp"

extern char** environ;

namespace scrapers::worker {
namespace {

bool is_executable(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

std::vector<std::string> child_environment(const EnvVars& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& [key, value] : extra) replaced = replaced || key == name;
    if (!replaced) out.push_back(entry);
  }
  for (const auto& [key, value] : extra) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// In the forked child: only async-signal-safe calls until exec.
[[noreturn]] void exec_in_child(char* const* argv, char* const* envp, int null_fd, int error_fd, pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);  // the worker died before prctl took effect
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig != SIGKILL && sig != SIGSTOP) ::signal(sig, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  if (null_fd >= 0) ::dup2(null_fd, 0);
  ::execve(argv[0], argv, envp);
  const int code = errno;
  [[maybe_unused]] auto n = ::write(error_fd, &code, sizeof code);
  ::_exit(127);
}

// The errno the child reported before exec, or 0 once exec closed the pipe.
int exec_error(int read_fd) {
  int code = 0;
  ssize_t n;
  do {
    n = ::read(read_fd, &code, sizeof code);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof code) ? code : 0;
}

}  // namespace

std::string own_directory() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.parent_path().string();
}

std::optional<std::string> resolve_executable(const std::string& name, const std::string& own_dir) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) return name;
  if (!own_dir.empty() && is_executable(own_dir + "/" + name)) return own_dir + "/" + name;
  const std::string path = env::get_or("PATH", "/usr/local/bin:/usr/bin:/bin");
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find(':', start), path.size());
    const std::string dir = path.substr(start, end - start);
    if (const std::string candidate = (dir.empty() ? "." : dir) + "/" + name; is_executable(candidate)) {
      return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

Result<pid_t> spawn_child(const std::vector<std::string>& argv, const EnvVars& extra) {
  std::vector<std::string> args = argv, envs = child_environment(extra);
  auto arg_ptrs = pointers(args), env_ptrs = pointers(envs);
  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) {
    return make_error(ErrorKind::io, "cannot start " + argv[0] + ": pipe: " + std::strerror(errno));
  }
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) exec_in_child(arg_ptrs.data(), env_ptrs.data(), null_fd, error_pipe[1], parent);
  const int fork_errno = errno;
  ::close(error_pipe[1]);
  if (null_fd >= 0) ::close(null_fd);
  const int code = pid < 0 ? fork_errno : exec_error(error_pipe[0]);
  ::close(error_pipe[0]);
  if (pid < 0) return make_error(ErrorKind::io, "cannot start " + argv[0] + ": fork: " + std::strerror(code));
  if (code != 0) {
    ::waitpid(pid, nullptr, 0);
    return make_error(ErrorKind::io, "cannot start " + argv[0] + ": " + std::strerror(code));
  }
  return pid;
}

}  // namespace scrapers::worker
