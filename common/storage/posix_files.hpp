// POSIX file primitives behind LocalBlobStore (internal to common/storage).
//
// Everything works relative to an open directory descriptor and never follows a
// symbolic link below it: directories are walked one component at a time with
// O_NOFOLLOW | O_DIRECTORY, files are opened with O_NOFOLLOW. Errors come back as
// ErrorKind::io with strerror text, ErrorKind::not_found for missing entries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::storage::posix {

// Owns a file descriptor; closes it on destruction. Move-only.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

// Opens (and with `create`, first creates with its parents) the directory at
// `path`. Symbolic links in `path` itself are followed: it is trusted configuration.
Result<UniqueFd> open_root(const std::string& path, bool create);

// Opens the directory reached from `base` through `components`, refusing any
// component that is a symbolic link or not a directory. With `create`, missing
// directories are made (mode 0755) and their parent synced.
Result<UniqueFd> open_subdirectory(const UniqueFd& base, const std::vector<std::string>& components, bool create);

enum class EntryType { missing, regular, directory, symlink, other };
Result<EntryType> entry_type(const UniqueFd& dir, const std::string& name);

// Size and lower-case hex SHA-256 of a regular file (not followed if a symlink).
struct FileDigest {
  std::uint64_t bytes = 0;
  std::string sha256;
};
Result<FileDigest> digest_file(const UniqueFd& dir, const std::string& name);

// The file's bytes; ErrorKind::too_large above `max_bytes`.
Result<std::string> read_file(const UniqueFd& dir, const std::string& name, std::uint64_t max_bytes);

// Writes `content` to a fresh temporary file in `dir`, fsyncs it, renames it to
// `name` and fsyncs `dir`. On failure the temporary file is removed.
Status write_file_atomically(const UniqueFd& dir, const std::string& name, std::string_view content);

}  // namespace scrapers::storage::posix
