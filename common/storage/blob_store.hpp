// Content-addressed-by-key storage for scraped assets (chapter HTML, subtitles, …).
//
// A BlobStore keeps byte strings under slash-separated keys such as
// "raw/novel/<work>/<edition>/number-0001/title.html". Guarantees shared by every
// implementation:
//  - Keys are checked by validate_key() before anything touches a disk or the
//    network: a key can never name something outside the store's root or bucket
//    prefix (no "..", no absolute paths, no empty segments, no backslashes, no
//    control characters, bounded length, valid UTF-8).
//  - put() is atomic: a reader sees either the old object or the complete new one,
//    never a partial write. It is idempotent by key: putting identical bytes again
//    is a successful no-op returning the same StoredBlob; different bytes replace
//    the object.
//  - describe() is safe for logs: it never contains a secret.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::storage {

// Limits applied by validate_key(). S3 caps keys at 1024 bytes; most file systems
// cap a path component at 255 bytes.
inline constexpr std::size_t kMaxKeyBytes = 1024;
inline constexpr std::size_t kMaxSegmentBytes = 255;

// What a successful put() stored: exactly the columns of an `assets` row.
struct StoredBlob {
  std::string key;          // object key inside the bucket/root (any configured prefix applied): assets.r2_key
  std::uint64_t bytes = 0;  // size of the stored content: assets.bytes
  std::string sha256;       // lower-case hex SHA-256 of the content: assets.sha256
  std::string provider;     // "cloudflare_r2" or "local": assets.provider
  std::string bucket;       // bucket name, or the local root's directory name: assets.bucket

  bool operator==(const StoredBlob&) const = default;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // Stores `content` under `key`. content_type is recorded where the backend can
  // (S3 Content-Type); an empty one means application/octet-stream.
  virtual Result<StoredBlob> put(std::string_view key, std::string_view content,
                                 std::string_view content_type) = 0;
  // Whether an object exists under `key` (false when absent; errors only for
  // invalid keys and backend failures).
  virtual Result<bool> exists(std::string_view key) = 0;
  // The object's bytes; ErrorKind::not_found when absent. For tests and verification.
  virtual Result<std::string> read(std::string_view key) = 0;
  // One line naming the backend and location, without secrets.
  virtual std::string describe() const = 0;
};

// Ok, or ErrorKind::invalid_argument with a message saying what is wrong with the
// key (the key itself, made printable, goes into the error's context).
Status validate_key(std::string_view key);

// The key with control and non-ASCII bytes escaped as \xNN, cut to 200 bytes:
// safe to put into a log line or an error context.
std::string printable_key(std::string_view key);

}  // namespace scrapers::storage
