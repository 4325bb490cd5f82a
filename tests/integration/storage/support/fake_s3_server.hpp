// An in-process S3-like server on 127.0.0.1 (random port) for integration tests.
//
// Path-style only: PUT/GET/HEAD/DELETE /{bucket}/{key}. Every request is checked
// with the independent SigV4 verifier (known access keys, region, service "s3",
// x-amz-content-sha256 equal to the body's hash); a failing request gets the S3
// error answer (403 SignatureDoesNotMatch, 400 XAmzContentSHA256Mismatch, …) and
// changes nothing. Objects live in memory with their Content-Type and
// x-amz-meta-* headers. Everything that arrived is recorded for assertions.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace scrapers::testing {

class FakeS3Server {
 public:
  struct Options {
    std::string bucket;
    std::string region = "auto";
    std::map<std::string, std::string> secrets;  // access key id → secret
  };

  struct SeenRequest {
    std::string method;
    std::string target;         // raw request target
    std::string rejection;      // S3 error code when refused, "" when accepted
    std::string reason;         // verifier detail when refused
    std::string authorization;  // Authorization header as received
  };

  struct StoredObject {
    std::string body;
    std::string content_type;
    std::map<std::string, std::string> metadata;  // x-amz-meta-* headers, lower-cased names
  };

  // Starts listening; throws std::runtime_error when it cannot within 5 s.
  explicit FakeS3Server(Options options);
  ~FakeS3Server();
  FakeS3Server(const FakeS3Server&) = delete;
  FakeS3Server& operator=(const FakeS3Server&) = delete;

  std::string endpoint() const;  // "http://127.0.0.1:<port>"
  std::vector<SeenRequest> requests() const;
  std::optional<StoredObject> object(const std::string& key) const;
  std::size_t object_count() const;
  // The next request (after signature checking) is answered with this status and
  // S3 error code instead of being served.
  void fail_next(int status, std::string code);

 private:
  void handle(const httplib::Request& request, httplib::Response& response);
  void serve(const httplib::Request& request, const std::string& key, httplib::Response& response);

  Options options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, StoredObject> objects_;
  std::vector<SeenRequest> seen_;
  std::optional<std::pair<int, std::string>> fail_next_;
};

}  // namespace scrapers::testing
