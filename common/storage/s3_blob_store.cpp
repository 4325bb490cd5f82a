#include "common/storage/s3_blob_store.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/util/sha256.hpp"

namespace scrapers::storage {
namespace {

constexpr std::string_view kDefaultContentType = "application/octet-stream";

bool has_control_character(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F;
  });
}

Error config_error(std::string message) {
  return make_error(ErrorKind::invalid_argument, "S3 storage configuration: " + std::move(message));
}

Status validate_endpoint(std::string_view endpoint) {
  const bool https = endpoint.starts_with("https://");
  if (!https && !endpoint.starts_with("http://")) {
    return config_error("endpoint must start with https:// (or http://)");
  }
  const auto rest = endpoint.substr(https ? 8 : 7);
  if (rest.empty() || rest.front() == '/') return config_error("endpoint has no host");
  if (has_control_character(endpoint) || endpoint.find_first_of(" ?#@") != std::string_view::npos) {
    return config_error("endpoint must be a plain URL without spaces, query, fragment or credentials");
  }
  return Ok{};
}

Status validate_bucket(std::string_view bucket) {
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const bool charset_ok = std::all_of(bucket.begin(), bucket.end(),
                                      [&](char c) { return alnum(c) || c == '-' || c == '.'; });
  if (bucket.size() < 3 || bucket.size() > 63 || !charset_ok || !alnum(bucket.front()) || !alnum(bucket.back())) {
    return config_error("bucket name must be 3-63 characters of a-z, 0-9, '-' and '.'");
  }
  return Ok{};
}

std::string normalise_prefix(std::string prefix) {
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return prefix;
}

std::string strip_trailing_slashes(std::string endpoint) {
  while (endpoint.ends_with('/')) endpoint.pop_back();
  return endpoint;
}

// The <Code> of an S3 XML error body, if it looks like one.
std::string s3_error_code(std::string_view body) {
  const auto open = body.find("<Code>");
  if (open == std::string_view::npos) return {};
  const auto start = open + 6;
  const auto close = body.find("</Code>", start);
  if (close == std::string_view::npos || close - start > 64) return {};
  const auto code = body.substr(start, close - start);
  const bool plain = std::all_of(code.begin(), code.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.';
  });
  return plain ? std::string(code) : std::string();
}

}  // namespace

Status validate_s3_config(const S3Config& config) {
  if (auto status = validate_endpoint(config.endpoint); !status) return status;
  if (auto status = validate_bucket(config.bucket); !status) return status;
  if (config.access_key_id.empty() || has_control_character(config.access_key_id) ||
      config.access_key_id.find(':') != std::string::npos) {
    return config_error("access key id must be non-empty, without ':' or control characters");
  }
  if (config.secret_access_key.empty() || has_control_character(config.secret_access_key)) {
    return config_error("secret access key must be non-empty, without control characters");
  }
  const bool region_ok = !config.region.empty() &&
                         std::all_of(config.region.begin(), config.region.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                         });
  if (!region_ok) return config_error("region must be non-empty and consist of a-z, 0-9 and '-'");
  if (!config.key_prefix.empty()) {
    std::string_view prefix = config.key_prefix;
    if (prefix.ends_with('/')) prefix.remove_suffix(1);
    if (auto status = validate_key(prefix); !status) {
      return config_error("key prefix is not a safe key: " + status.error().message);
    }
  }
  return Ok{};
}

std::string percent_encode_segment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (const char ch : segment) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

S3BlobStore::S3BlobStore(S3Config config, http::Transport& transport)
    : config_(std::move(config)), transport_(transport) {
  if (auto status = validate_s3_config(config_); !status) throw ErrorException(status.error());
  config_.endpoint = strip_trailing_slashes(std::move(config_.endpoint));
  config_.key_prefix = normalise_prefix(std::move(config_.key_prefix));
}

std::string S3BlobStore::object_key(std::string_view key) const { return config_.key_prefix + std::string(key); }

std::string S3BlobStore::object_url(std::string_view key) const {
  const std::string full = object_key(key);
  std::string url = config_.endpoint + "/" + config_.bucket;
  std::size_t start = 0;
  while (true) {
    const auto slash = full.find('/', start);
    url += '/';
    url += percent_encode_segment(
        std::string_view(full).substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return url;
    start = slash + 1;
  }
}

std::string S3BlobStore::describe() const {
  return "S3 bucket '" + config_.bucket + "' at " + config_.endpoint + " (region " + config_.region +
         (config_.key_prefix.empty() ? "" : ", key prefix '" + config_.key_prefix + "'") + ")";
}

http::Request S3BlobStore::make_request(std::string method, std::string_view key) const {
  http::Request request;
  request.method = std::move(method);
  request.url = object_url(key);
  request.follow_redirects = false;
  request.aws_sigv4 = http::AwsSigV4{"aws:amz:" + config_.region + ":s3", config_.access_key_id,
                                     config_.secret_access_key};
  return request;
}

Result<http::Response> S3BlobStore::send(const http::Request& request, std::string_view key) {
  auto response = transport_.send(request);
  if (!response) {
    Error error = std::move(response).error();
    error.message = "S3 " + request.method + " of '" + printable_key(object_key(key)) +
                    "' failed: " + error.message;
    return error;
  }
  return response;
}

Error S3BlobStore::status_error(std::string_view verb, std::string_view key,
                                const http::Response& response) const {
  const std::string code = s3_error_code(response.body);
  Error error = make_error(ErrorKind::http_status,
                           "S3 " + std::string(verb) + " of '" + printable_key(object_key(key)) +
                               "' failed: HTTP " + std::to_string(response.status) +
                               (code.empty() ? "" : " " + code) +
                               (response.status == 401 || response.status == 403
                                    ? " (access denied: check the access key id and secret)"
                                    : ""),
                           "bucket '" + config_.bucket + "' at " + config_.endpoint);
  error.http_status = response.status;
  return error;
}

Result<S3BlobStore::Head> S3BlobStore::head(std::string_view key) {
  auto request = make_request("HEAD", key);
  request.headers.add("x-amz-content-sha256", sha256_hex(""));
  auto response = send(request, key);
  if (!response) return std::move(response).error();
  if (response->status == 404) return Head{};
  if (response->status < 200 || response->status > 299) return status_error("HEAD", key, *response);
  const auto& headers = response->headers;
  return Head{true, headers.get("x-amz-meta-sha256").value_or(""), headers.get("content-type").value_or(""),
              headers.get("content-length").value_or("")};
}

Result<StoredBlob> S3BlobStore::put(std::string_view key, std::string_view content,
                                    std::string_view content_type) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  if (auto valid = validate_key(object_key(key)); !valid) return std::move(valid).error();
  if (has_control_character(content_type)) {
    return make_error(ErrorKind::invalid_argument, "content type contains a control character",
                      "key '" + printable_key(key) + "'");
  }
  const std::string type(content_type.empty() ? kDefaultContentType : content_type);
  const std::string sha256 = sha256_hex(content);
  const std::string length = std::to_string(content.size());
  StoredBlob blob{object_key(key), content.size(), sha256, std::string(kS3Provider), config_.bucket};

  auto existing = head(key);
  if (!existing) return std::move(existing).error();
  if (existing->found && existing->sha256 == sha256 && existing->length == length &&
      existing->content_type == type) {
    return blob;  // identical object already stored
  }
  auto request = make_request("PUT", key);
  request.headers.add("Content-Type", type);
  request.headers.add("Content-Length", length);
  request.headers.add("x-amz-content-sha256", sha256);
  request.headers.add("x-amz-meta-sha256", sha256);
  request.body = std::string(content);
  auto response = send(request, key);
  if (!response) return std::move(response).error();
  if (response->status < 200 || response->status > 299) return status_error("PUT", key, *response);
  return blob;
}

Result<bool> S3BlobStore::exists(std::string_view key) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  if (auto valid = validate_key(object_key(key)); !valid) return std::move(valid).error();
  auto found = head(key);
  if (!found) return std::move(found).error();
  return found->found;
}

Result<std::string> S3BlobStore::read(std::string_view key) {
  if (auto valid = validate_key(key); !valid) return std::move(valid).error();
  if (auto valid = validate_key(object_key(key)); !valid) return std::move(valid).error();
  auto request = make_request("GET", key);
  request.headers.add("x-amz-content-sha256", sha256_hex(""));
  auto response = send(request, key);
  if (!response) return std::move(response).error();
  if (response->status == 404) {
    return make_error(ErrorKind::not_found, "no object '" + printable_key(object_key(key)) + "'",
                      "bucket '" + config_.bucket + "' at " + config_.endpoint);
  }
  if (response->status < 200 || response->status > 299) return status_error("GET", key, *response);
  return std::move(response->body);
}

}  // namespace scrapers::storage
