#include "common/storage/local_blob_store.hpp"

#include <utility>
#include <vector>

#include "common/storage/posix_files.hpp"
#include "common/util/env.hpp"
#include "common/util/sha256.hpp"

namespace scrapers::storage {
namespace {

struct KeyPath {
  std::vector<std::string> directories;
  std::string name;
};

// Splits a validated key into its directories and final name.
KeyPath split_key(std::string_view key) {
  KeyPath path;
  std::size_t start = 0;
  for (std::size_t slash = key.find('/'); slash != std::string_view::npos; slash = key.find('/', start)) {
    path.directories.emplace_back(key.substr(start, slash - start));
    start = slash + 1;
  }
  path.name = std::string(key.substr(start));
  return path;
}

std::string root_bucket_name(const std::filesystem::path& root) {
  auto normal = std::filesystem::absolute(root).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  auto name = normal.filename().string();
  return name.empty() ? normal.string() : name;
}

// True when `name` already holds exactly this content; false when it is absent or
// differs; an error when something other than a regular file sits there.
Result<bool> identical_object_exists(const posix::UniqueFd& dir, const std::string& name, std::uint64_t bytes,
                                     const std::string& sha256) {
  auto type = posix::entry_type(dir, name);
  if (!type) return std::move(type).error();
  switch (*type) {
    case posix::EntryType::missing: return false;
    case posix::EntryType::regular: {
      auto existing = posix::digest_file(dir, name);
      if (!existing) return std::move(existing).error();
      return existing->bytes == bytes && existing->sha256 == sha256;
    }
    case posix::EntryType::symlink:
      return make_error(ErrorKind::io, "refusing to replace symbolic link '" + name + "' inside the asset root");
    default: return make_error(ErrorKind::io, "'" + name + "' exists and is not a regular file");
  }
}

}  // namespace

LocalBlobStore::LocalBlobStore(std::filesystem::path root)
    : root_(std::move(root)), bucket_(root_bucket_name(root_)) {}

LocalBlobStore LocalBlobStore::from_env() {
  return LocalBlobStore(env::get_or("ASSET_DIR", std::string(kDefaultAssetDir)));
}

StoredBlob LocalBlobStore::stored(std::string_view key, std::uint64_t bytes, std::string sha256) const {
  return StoredBlob{std::string(key), bytes, std::move(sha256), std::string(kLocalProvider), bucket_};
}

std::string LocalBlobStore::describe() const {
  return "local directory " + root_.string() + " (bucket name '" + bucket_ + "')";
}

Error LocalBlobStore::in_context(std::string_view key, Error error) const {
  error.context = "key '" + printable_key(key) + "' under " + root_.string();
  return error;
}

Result<StoredBlob> LocalBlobStore::put(std::string_view key, std::string_view content,
                                       std::string_view /*content_type*/) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  // While writing, a missing directory is an I/O failure, not an absent object.
  const auto with_context = [&](Error error) {
    if (error.kind == ErrorKind::not_found) error.kind = ErrorKind::io;
    return in_context(key, std::move(error));
  };
  auto sha256 = sha256_hex(content);
  const auto path = split_key(key);
  auto root = posix::open_root(root_.string(), true);
  if (!root) return with_context(std::move(root).error());
  auto dir = posix::open_subdirectory(*root, path.directories, true);
  if (!dir) return with_context(std::move(dir).error());

  auto identical = identical_object_exists(*dir, path.name, content.size(), sha256);
  if (!identical) return with_context(std::move(identical).error());
  if (*identical) return stored(key, content.size(), std::move(sha256));  // nothing to do
  if (auto written = posix::write_file_atomically(*dir, path.name, content); !written) {
    return with_context(std::move(written).error());
  }
  return stored(key, content.size(), std::move(sha256));
}

Result<bool> LocalBlobStore::exists(std::string_view key) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  const auto with_context = [&](Error error) { return in_context(key, std::move(error)); };
  const auto path = split_key(key);
  auto root = posix::open_root(root_.string(), false);
  if (!root) {
    if (root.error().kind == ErrorKind::not_found) return false;
    return with_context(std::move(root).error());
  }
  auto dir = posix::open_subdirectory(*root, path.directories, false);
  if (!dir) {
    if (dir.error().kind == ErrorKind::not_found) return false;
    return with_context(std::move(dir).error());
  }
  auto type = posix::entry_type(*dir, path.name);
  if (!type) return with_context(std::move(type).error());
  if (*type == posix::EntryType::symlink) {
    return with_context(
        make_error(ErrorKind::io, "refusing to follow symbolic link '" + path.name + "' inside the asset root"));
  }
  return *type == posix::EntryType::regular;
}

Result<std::string> LocalBlobStore::read(std::string_view key) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  const auto with_context = [&](Error error) { return in_context(key, std::move(error)); };
  const auto path = split_key(key);
  auto root = posix::open_root(root_.string(), false);
  if (!root) return with_context(std::move(root).error());
  auto dir = posix::open_subdirectory(*root, path.directories, false);
  if (!dir) return with_context(std::move(dir).error());
  auto content = posix::read_file(*dir, path.name, kMaxLocalReadBytes);
  if (!content) return with_context(std::move(content).error());
  return std::move(content).value();
}

}  // namespace scrapers::storage
