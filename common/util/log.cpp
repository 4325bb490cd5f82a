#include "common/util/log.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string>

#include "common/text/control_chars.hpp"

namespace scrapers::log {
namespace {

std::atomic<int> current_level{static_cast<int>(Level::info)};
std::mutex status_mutex;
std::string status_line;  // guarded by status_mutex

// Writes `text` to stderr; a closed or failing stderr (EPIPE: SIGPIPE is ignored,
// signals.hpp) loses the line quietly, a signal arriving mid-write does not.
void write_all(std::string_view text) {
  const int saved_errno = errno;
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  errno = saved_errno;
}

constexpr std::string_view kClearLine = "\r\033[K";

std::string_view label(Level level) {
  switch (level) {
    case Level::debug: return "DEBUG";
    case Level::info: return "INFO ";
    case Level::warn: return "WARN ";
    case Level::error: return "ERROR";
  }
  return "INFO ";
}

std::string utc_timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

void set_level(Level level) { current_level = static_cast<int>(level); }
Level level() { return static_cast<Level>(current_level.load()); }

void configure_from_env() {
  const char* value = std::getenv("LOG_LEVEL");
  if (value == nullptr) return;
  std::string_view v = value;
  if (v == "debug") set_level(Level::debug);
  else if (v == "info") set_level(Level::info);
  else if (v == "warn") set_level(Level::warn);
  else if (v == "error") set_level(Level::error);
}

void write(Level lvl, std::string_view message) {
  if (static_cast<int>(lvl) < current_level.load()) return;
  std::string line = utc_timestamp();
  line += ' ';
  line += label(lvl);
  line += ' ';
  line += text::with_control_chars_escaped(message);
  line += '\n';
  std::lock_guard lock(status_mutex);
  if (!status_line.empty()) line = std::string(kClearLine) + line + status_line;
  write_all(line);
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void set_status_line(std::string_view line) {
  if (!stderr_is_terminal()) return;
  std::lock_guard lock(status_mutex);
  status_line = line;
  write_all(std::string(kClearLine) + status_line);
}

void clear_status_line() {
  std::lock_guard lock(status_mutex);
  if (status_line.empty()) return;
  status_line.clear();
  write_all(kClearLine);
}

}  // namespace scrapers::log
