// measure-run: runs one command and reports its wall time (monotonic clock) and the
// child's peak resident set size (ru_maxrss from wait4), as one JSON line on stdout:
//   {"exit": 0, "wall_ms": 812.4, "max_rss_kb": 23456}
// Usage: measure-run <program> [args...]   (the child's output is passed through)
// The end-to-end benchmark drivers (bench/<site>/run_e2e.sh, via bench/lib.sh) use it.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <program> [args...]\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) {
    std::perror("fork");
    return 2;
  }
  if (child == 0) {
    execv(argv[1], argv + 1);
    std::perror("execv");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 2;
  }
  const std::chrono::duration<double, std::milli> wall = std::chrono::steady_clock::now() - start;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("{\"exit\": %d, \"wall_ms\": %.1f, \"max_rss_kb\": %ld}\n", code, wall.count(), usage.ru_maxrss);
  return 0;
}
