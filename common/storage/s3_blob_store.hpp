// BlobStore on an S3-compatible bucket (Cloudflare R2 in production).
//
// Requests are path-style: PUT/HEAD/GET {endpoint}/{bucket}/{key_prefix}{key},
// every key segment percent-encoded (RFC 3986 unreserved characters kept), sent
// through the given http::Transport with Request::aws_sigv4 set so the transport
// signs them (provider "aws:amz:<region>:s3"). Each request carries
// x-amz-content-sha256 with the body's hash (R2 requires it; libcurl signs that
// value instead of hashing the body itself). Objects are stored with
// x-amz-meta-sha256 so put() can recognise identical content: it HEADs first and
// skips the upload when size, hash and content type already match. An S3 PUT is
// atomic by itself.
//
// Errors: a non-2xx answer becomes ErrorKind::http_status (http_status set) with a
// one-line message naming the key, the status and the S3 error code; messages
// and describe() never contain the secret access key. Redirects are not followed.
// The Transport must outlive the store.
#pragma once

#include <string>
#include <string_view>

#include "common/http/message.hpp"
#include "common/storage/blob_store.hpp"

namespace scrapers::storage {

inline constexpr std::string_view kS3Provider = "cloudflare_r2";

struct S3Config {
  std::string endpoint;  // "https://<account>.r2.cloudflarestorage.com" (http allowed for local tests)
  std::string bucket;
  std::string access_key_id;
  std::string secret_access_key;
  std::string region = "auto";
  std::string key_prefix;  // prepended to every key; a '/' is added if missing
};

// Ok, or ErrorKind::invalid_argument naming the bad setting: endpoint must be an
// http(s) URL without query, fragment or credentials; bucket a valid S3 bucket
// name; keys non-empty; region [a-z0-9-]; key_prefix itself a valid key.
Status validate_s3_config(const S3Config& config);

// Percent-encodes one key segment: A-Z a-z 0-9 - . _ ~ stay, every other byte
// becomes %XX (upper-case hex).
std::string percent_encode_segment(std::string_view segment);

class S3BlobStore final : public BlobStore {
 public:
  // Throws ErrorException(invalid_argument) when validate_s3_config() fails.
  S3BlobStore(S3Config config, http::Transport& transport);

  Result<StoredBlob> put(std::string_view key, std::string_view content, std::string_view content_type) override;
  Result<bool> exists(std::string_view key) override;
  Result<std::string> read(std::string_view key) override;
  std::string describe() const override;

  // The object key inside the bucket (prefix applied) and its URL; for tests and logs.
  std::string object_key(std::string_view key) const;
  std::string object_url(std::string_view key) const;

 private:
  struct Head {
    bool found = false;
    std::string sha256;
    std::string content_type;
    std::string length;
  };

  http::Request make_request(std::string method, std::string_view object_key) const;
  Result<http::Response> send(const http::Request& request, std::string_view object_key);
  Result<Head> head(std::string_view object_key);
  Error status_error(std::string_view verb, std::string_view object_key, const http::Response& response) const;

  S3Config config_;
  http::Transport& transport_;
};

}  // namespace scrapers::storage
