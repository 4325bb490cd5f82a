#include "tests/integration/storage/support/fake_s3_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

#include "tests/unit/storage/support/sigv4_verifier.hpp"

namespace scrapers::testing {
namespace {

int status_for(const std::string& code) {
  if (code == "XAmzContentSHA256Mismatch" || code == "AuthorizationHeaderMalformed" || code == "InvalidRequest") {
    return 400;
  }
  if (code == "NoSuchKey" || code == "NoSuchBucket") return 404;
  return 403;
}

void answer_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
  response.status = status;
  response.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" +
                           message + "</Message></Error>",
                       "application/xml");
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

FakeS3Server::FakeS3Server(Options options)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  };
  server_->Get(".*", handler);  // GET and HEAD
  server_->Put(".*", handler);
  server_->Delete(".*", handler);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake S3 server: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server_->is_running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      server_->stop();
      thread_.join();
      throw std::runtime_error("fake S3 server: not listening after 5 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

FakeS3Server::~FakeS3Server() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeS3Server::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<FakeS3Server::SeenRequest> FakeS3Server::requests() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

std::optional<FakeS3Server::StoredObject> FakeS3Server::object(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = objects_.find(key);
  if (it == objects_.end()) return std::nullopt;
  return it->second;
}

std::size_t FakeS3Server::object_count() const {
  std::lock_guard lock(mutex_);
  return objects_.size();
}

void FakeS3Server::fail_next(int status, std::string code) {
  std::lock_guard lock(mutex_);
  fail_next_ = std::make_pair(status, std::move(code));
}

void FakeS3Server::handle(const httplib::Request& request, httplib::Response& response) {
  sigv4::RequestParts parts{request.method, request.target, {}};
  for (const auto& [name, value] : request.headers) {
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    parts.headers.emplace_back(name, value);
  }
  const auto verdict = sigv4::verify(parts, request.body, sigv4::ServerKeys{options_.secrets, options_.region});
  std::lock_guard lock(mutex_);
  seen_.push_back(SeenRequest{request.method, request.target, verdict.ok ? "" : verdict.code, verdict.reason,
                              request.get_header_value("Authorization")});
  if (!verdict.ok) {
    answer_error(response, status_for(verdict.code), verdict.code, "request refused by the signature check");
    return;
  }
  if (fail_next_) {
    answer_error(response, fail_next_->first, fail_next_->second, "injected failure");
    fail_next_.reset();
    return;
  }
  const auto path = request.target.substr(0, request.target.find('?'));
  const std::string bucket_prefix = "/" + options_.bucket + "/";
  if (!path.starts_with(bucket_prefix) || path.size() == bucket_prefix.size()) {
    answer_error(response, 404, "NoSuchBucket", "no such bucket");
    return;
  }
  serve(request, sigv4::percent_decode(path.substr(bucket_prefix.size())), response);
}

void FakeS3Server::serve(const httplib::Request& request, const std::string& key, httplib::Response& response) {
  if (request.method == "PUT") {
    StoredObject object{request.body, request.get_header_value("Content-Type"), {}};
    for (const auto& [name, value] : request.headers) {
      if (lower(name).starts_with("x-amz-meta-")) object.metadata[lower(name)] = value;
    }
    objects_[key] = std::move(object);
    response.status = 200;
    response.set_header("ETag", "\"" + sigv4::sha256_hex(request.body).substr(0, 32) + "\"");
    return;
  }
  if (request.method == "DELETE") {
    objects_.erase(key);
    response.status = 204;
    return;
  }
  const auto it = objects_.find(key);
  if (it == objects_.end()) {
    answer_error(response, 404, "NoSuchKey", "The specified key does not exist.");
    return;
  }
  for (const auto& [name, value] : it->second.metadata) response.set_header(name, value);
  response.status = 200;
  const std::string type = it->second.content_type.empty() ? "binary/octet-stream" : it->second.content_type;
  if (it->second.body.empty()) {
    response.set_content("", type);
    return;
  }
  // A provider with a known length is sent as stored: like S3, no on-the-fly
  // compression (set_content would brotli/gzip text for clients that accept it).
  auto body = std::make_shared<std::string>(it->second.body);
  response.set_content_provider(body->size(), type,
                                [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                  sink.write(body->data() + offset, length);
                                  return true;
                                });
}

}  // namespace scrapers::testing
