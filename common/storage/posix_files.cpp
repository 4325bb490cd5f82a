#include "common/storage/posix_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "common/util/sha256.hpp"

namespace scrapers::storage::posix {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

Error errno_error(const std::string& what, int err) {
  return make_error(err == ENOENT ? ErrorKind::not_found : ErrorKind::io, what + ": " + std::strerror(err));
}

Error refused_link(const std::string& name) {
  return make_error(ErrorKind::io, "refusing to follow symbolic link '" + name + "' inside the asset root");
}

int open_dir_at(int base, const std::string& name) {
  return ::openat(base, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// Explains why `name` could not be opened as a directory.
Error open_dir_error(const UniqueFd& base, const std::string& name, int err) {
  auto type = entry_type(base, name);
  if (type.ok() && *type == EntryType::symlink) return refused_link(name);
  if (type.ok() && *type != EntryType::directory && *type != EntryType::missing) {
    return make_error(ErrorKind::io, "'" + name + "' exists and is not a directory");
  }
  return errno_error("cannot open directory '" + name + "'", err);
}

Result<UniqueFd> open_or_create_dir(const UniqueFd& base, const std::string& name, bool create) {
  UniqueFd fd(open_dir_at(base.get(), name));
  if (fd.valid()) return fd;
  if (errno != ENOENT || !create) return open_dir_error(base, name, errno);
  if (::mkdirat(base.get(), name.c_str(), 0755) != 0 && errno != EEXIST) {
    return errno_error("cannot create directory '" + name + "'", errno);
  }
  if (::fsync(base.get()) != 0) return errno_error("cannot sync directory", errno);
  fd = UniqueFd(open_dir_at(base.get(), name));
  if (!fd.valid()) return open_dir_error(base, name, errno);
  return fd;
}

Result<UniqueFd> open_regular(const UniqueFd& dir, const std::string& name, struct stat& info) {
  UniqueFd fd(::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (!fd.valid()) {
    if (errno == ELOOP) return refused_link(name);
    return errno_error("cannot open '" + name + "'", errno);
  }
  if (::fstat(fd.get(), &info) != 0) return errno_error("cannot stat '" + name + "'", errno);
  if (!S_ISREG(info.st_mode)) {
    return make_error(ErrorKind::not_found, "'" + name + "' is not a regular file");
  }
  return fd;
}

std::string temp_name(const std::string& name) {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  char suffix[24];
  std::snprintf(suffix, sizeof suffix, ".tmp-%016llx", static_cast<unsigned long long>(generator()));
  return "." + name.substr(0, 200) + suffix;
}

Status write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), std::min(content.size(), kChunk));
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno_error("cannot write", errno);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return Ok{};
}

// Removes the temporary file unless the rename went through.
class TempFileGuard {
 public:
  TempFileGuard(int dir, std::string name) : dir_(dir), name_(std::move(name)) {}
  ~TempFileGuard() {
    if (!name_.empty()) ::unlinkat(dir_, name_.c_str(), 0);
  }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
  void commit() { name_.clear(); }

 private:
  int dir_;
  std::string name_;
};

// Reads `fd` to the end in chunks, handing each to `consume`; stops early (Ok) when
// `consume` returns false.
template <class Consume>
Status read_chunks(const UniqueFd& fd, const std::string& name, Consume&& consume) {
  std::string buffer(kChunk, '\0');
  while (true) {
    const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno_error("cannot read '" + name + "'", errno);
    if (got == 0) return Ok{};
    if (!consume(std::string_view(buffer.data(), static_cast<std::size_t>(got)))) return Ok{};
  }
}

}  // namespace

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

Result<UniqueFd> open_root(const std::string& path, bool create) {
  if (create) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return make_error(ErrorKind::io, "cannot create asset directory: " + ec.message(), path);
  }
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) {
    Error error = errno_error("cannot open asset directory", errno);
    error.context = path;
    return error;
  }
  return fd;
}

Result<UniqueFd> open_subdirectory(const UniqueFd& base, const std::vector<std::string>& components, bool create) {
  UniqueFd current(::fcntl(base.get(), F_DUPFD_CLOEXEC, 0));
  if (!current.valid()) return errno_error("cannot duplicate directory handle", errno);
  for (const auto& component : components) {
    auto next = open_or_create_dir(current, component, create);
    if (!next) return std::move(next).error();
    current = std::move(next.value());
  }
  return current;
}

Result<EntryType> entry_type(const UniqueFd& dir, const std::string& name) {
  struct stat info {};
  if (::fstatat(dir.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return EntryType::missing;
    return errno_error("cannot stat '" + name + "'", errno);
  }
  if (S_ISREG(info.st_mode)) return EntryType::regular;
  if (S_ISDIR(info.st_mode)) return EntryType::directory;
  if (S_ISLNK(info.st_mode)) return EntryType::symlink;
  return EntryType::other;
}

Result<FileDigest> digest_file(const UniqueFd& dir, const std::string& name) {
  struct stat info {};
  auto fd = open_regular(dir, name, info);
  if (!fd) return std::move(fd).error();
  Sha256 hash;
  FileDigest digest;
  auto read = read_chunks(*fd, name, [&](std::string_view chunk) {
    hash.update(chunk);
    digest.bytes += chunk.size();
    return true;
  });
  if (!read) return std::move(read).error();
  digest.sha256 = hash.hex_digest();
  return digest;
}

Result<std::string> read_file(const UniqueFd& dir, const std::string& name, std::uint64_t max_bytes) {
  struct stat info {};
  auto fd = open_regular(dir, name, info);
  if (!fd) return std::move(fd).error();
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    return make_error(ErrorKind::too_large,
                      "'" + name + "' is larger than " + std::to_string(max_bytes) + " bytes");
  }
  std::string content;
  auto read = read_chunks(*fd, name, [&](std::string_view chunk) {
    content.append(chunk);
    return content.size() <= max_bytes;
  });
  if (!read) return std::move(read).error();
  if (content.size() > max_bytes) return make_error(ErrorKind::too_large, "'" + name + "' grew while read");
  return content;
}

Status write_file_atomically(const UniqueFd& dir, const std::string& name, std::string_view content) {
  std::string temp;
  UniqueFd fd;
  for (int attempt = 0; attempt < 8 && !fd.valid(); ++attempt) {
    temp = temp_name(name);
    fd = UniqueFd(::openat(dir.get(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid() && errno != EEXIST) return errno_error("cannot create temporary file", errno);
  }
  if (!fd.valid()) return make_error(ErrorKind::io, "cannot find a free temporary file name");
  TempFileGuard guard(dir.get(), temp);
  if (auto status = write_all(fd.get(), content); !status) return status;
  if (::fsync(fd.get()) != 0) return errno_error("cannot sync '" + name + "'", errno);
  if (::close(fd.release()) != 0) return errno_error("cannot close '" + name + "'", errno);
  if (::renameat(dir.get(), temp.c_str(), dir.get(), name.c_str()) != 0) {
    return errno_error("cannot rename into '" + name + "'", errno);
  }
  guard.commit();
  if (::fsync(dir.get()) != 0) return errno_error("cannot sync directory of '" + name + "'", errno);
  return Ok{};
}

}  // namespace scrapers::storage::posix
