// BlobStore on a local directory: the default when no S3/R2 bucket is configured.
//
// An object "a/b/c.html" lives at <root>/a/b/c.html. Directories are created on
// demand (0755; files 0644, both minus the umask). put() writes a temporary file
// in the object's own directory, fsyncs it, renames it over the final name and
// fsyncs the directory: the final name only ever shows complete content, and a
// failed write leaves no temporary file behind.
//
// Confinement: every path component below the root is opened with O_NOFOLLOW
// relative to the previous directory, so a symbolic link planted inside the root
// (as a directory or as the object itself) is refused instead of followed. The
// root itself may be a symlink: it is configuration, not data.
//
// provider() is "local"; bucket() is the root's directory name ("assets" for the
// default ./data/assets), which is what goes into assets.bucket.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/storage/blob_store.hpp"

namespace scrapers::storage {

inline constexpr std::string_view kLocalProvider = "local";
inline constexpr std::string_view kDefaultAssetDir = "./data/assets";
// read() refuses objects larger than this (ErrorKind::too_large).
inline constexpr std::uint64_t kMaxLocalReadBytes = 1ULL << 30;

class LocalBlobStore final : public BlobStore {
 public:
  explicit LocalBlobStore(std::filesystem::path root);

  // Root from ASSET_DIR, else ./data/assets.
  static LocalBlobStore from_env();

  Result<StoredBlob> put(std::string_view key, std::string_view content, std::string_view content_type) override;
  Result<bool> exists(std::string_view key) override;
  Result<std::string> read(std::string_view key) override;
  std::string describe() const override;

  const std::filesystem::path& root() const { return root_; }
  const std::string& bucket() const { return bucket_; }

 private:
  StoredBlob stored(std::string_view key, std::uint64_t bytes, std::string sha256) const;
  // `error` with its context naming the key and the root.
  Error in_context(std::string_view key, Error error) const;

  std::filesystem::path root_;
  std::string bucket_;
};

}  // namespace scrapers::storage
