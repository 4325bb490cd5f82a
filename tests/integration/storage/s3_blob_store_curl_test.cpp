// S3BlobStore over the real CurlTransport against the signature-checking fake S3
// server on 127.0.0.1: libcurl's SigV4 signatures (with the x-amz-content-sha256
// the store adds) must be accepted, and failures must come back as clear errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "common/http/curl_transport.hpp"
#include "common/storage/s3_blob_store.hpp"
#include "tests/integration/storage/support/fake_s3_server.hpp"
#include "tests/unit/storage/support/sigv4_verifier.hpp"

namespace scrapers::storage {
namespace {

using scrapers::testing::FakeS3Server;

constexpr const char* kKeyId = "AKIDLOCALTEST";
constexpr const char* kSecret = "local/Secret+Key=value";

S3Config config_for(const FakeS3Server& server, std::string secret = kSecret, std::string region = "auto") {
  return S3Config{server.endpoint(), "scraper-assets", kKeyId, std::move(secret), std::move(region), ""};
}

std::size_t count(const std::vector<FakeS3Server::SeenRequest>& seen, std::string_view method) {
  return static_cast<std::size_t>(
      std::count_if(seen.begin(), seen.end(), [&](const auto& r) { return r.method == method; }));
}

// What the server saw, for failure messages.
std::string server_log(const FakeS3Server& server) {
  std::string log;
  for (const auto& r : server.requests()) {
    log += r.method + " " + r.target + " -> " +
           (r.rejection.empty() ? "accepted" : r.rejection + ": " + r.reason) + "\n";
  }
  return log;
}

void expect_all_accepted(const FakeS3Server& server) {
  for (const auto& request : server.requests()) {
    EXPECT_EQ(request.rejection, "") << request.method << " " << request.target << "\n" << request.reason;
  }
}

class S3OverCurl : public ::testing::Test {
 protected:
  FakeS3Server server{{"scraper-assets", "auto", {{kKeyId, kSecret}}}};
  http::CurlTransport transport;
  S3BlobStore store{config_for(server), transport};
};

TEST_F(S3OverCurl, PutStoresTheObjectAndTheServerAcceptsCurlsSignatures) {
  auto blob = store.put("raw/novel/w/e/number-0001/chapter-1.html", "<p>hello</p>", "text/html");
  ASSERT_TRUE(blob.ok()) << blob.error().describe() << "\n" << server_log(server);
  const auto stored = server.object("raw/novel/w/e/number-0001/chapter-1.html");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->body, "<p>hello</p>");
  EXPECT_EQ(stored->content_type, "text/html");
  EXPECT_EQ(stored->metadata.at("x-amz-meta-sha256"), blob->sha256);
  EXPECT_EQ(blob->sha256, scrapers::testing::sigv4::sha256_hex("<p>hello</p>"));
  EXPECT_EQ(blob->bytes, 12u);
  expect_all_accepted(server);
  const auto seen = server.requests();
  ASSERT_FALSE(seen.empty());
  EXPECT_NE(seen.back().authorization.find("x-amz-content-sha256"), std::string::npos)
      << "the payload hash header is not signed: " << seen.back().authorization;
}

TEST_F(S3OverCurl, KeysNeedingPercentEncodingAreSignedAndStoredUnderTheirOwnName) {
  const std::string key = "raw/novel/a b/(1)+$\xc3\xa9~x.html";
  ASSERT_TRUE(store.put(key, "encoded", "text/html").ok());
  EXPECT_EQ(server.object(key).value_or(FakeS3Server::StoredObject{}).body, "encoded");
  EXPECT_EQ(store.read(key).value(), "encoded");
  expect_all_accepted(server);
}

TEST_F(S3OverCurl, ExistsAndReadRoundTrip) {
  EXPECT_FALSE(store.exists("a/b.txt").value());
  ASSERT_TRUE(store.put("a/b.txt", "content", "text/plain").ok());
  EXPECT_TRUE(store.exists("a/b.txt").value());
  EXPECT_EQ(store.read("a/b.txt").value(), "content");
  auto missing = store.read("a/missing.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  expect_all_accepted(server);
}

TEST_F(S3OverCurl, PuttingIdenticalContentAgainUploadsNothing) {
  auto first = store.put("a/b.txt", "same", "text/plain");
  auto second = store.put("a/b.txt", "same", "text/plain");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(count(server.requests(), "PUT"), 1u);
}

TEST_F(S3OverCurl, DifferentContentReplacesTheObject) {
  ASSERT_TRUE(store.put("a/b.txt", "first", "text/plain").ok());
  ASSERT_TRUE(store.put("a/b.txt", "second version", "text/plain").ok());
  EXPECT_EQ(store.read("a/b.txt").value(), "second version");
  EXPECT_EQ(count(server.requests(), "PUT"), 2u);
  EXPECT_EQ(server.object_count(), 1u);
}

TEST_F(S3OverCurl, LargeBinaryAndEmptyBodiesArriveIntact) {
  std::string binary(3 * 1024 * 1024 + 17, '\0');
  std::mt19937 random(42);
  std::generate(binary.begin(), binary.end(), [&] { return static_cast<char>(random() & 0xFF); });
  auto big = store.put("bin/blob.bin", binary, "application/octet-stream");
  ASSERT_TRUE(big.ok()) << big.error().describe();
  EXPECT_EQ(big->bytes, binary.size());
  EXPECT_TRUE(server.object("bin/blob.bin").value().body == binary);
  ASSERT_TRUE(store.put("bin/empty", "", "").ok());
  EXPECT_EQ(server.object("bin/empty").value().body, "");
  expect_all_accepted(server);
}

TEST_F(S3OverCurl, AWrongSecretIsAClearErrorThatNeverContainsTheSecret) {
  const std::string wrong = "Wrong/Secret+ShouldNotLeak";
  S3BlobStore bad(config_for(server, wrong), transport);
  auto blob = bad.put("a/b.txt", "x", "text/plain");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::http_status);
  EXPECT_EQ(blob.error().http_status, 403);
  EXPECT_NE(blob.error().message.find("'a/b.txt'"), std::string::npos) << blob.error().message;
  EXPECT_NE(blob.error().message.find("access denied"), std::string::npos) << blob.error().message;
  auto read = bad.read("a/b.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("HTTP 403 SignatureDoesNotMatch"), std::string::npos)
      << read.error().message;
  for (const auto& text : {blob.error().describe(), read.error().describe(), bad.describe()}) {
    EXPECT_EQ(text.find(wrong), std::string::npos) << text;
    EXPECT_EQ(text.find(kSecret), std::string::npos) << text;
  }
  EXPECT_EQ(server.object_count(), 0u);
  for (const auto& request : server.requests()) EXPECT_EQ(request.rejection, "SignatureDoesNotMatch");
}

TEST_F(S3OverCurl, AnUnknownAccessKeyOrRegionIsRefused) {
  S3Config unknown = config_for(server);
  unknown.access_key_id = "AKIDUNKNOWN";
  S3BlobStore stranger(unknown, transport);
  auto read = stranger.read("a.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("InvalidAccessKeyId"), std::string::npos) << read.error().message;
  S3BlobStore elsewhere(config_for(server, kSecret, "eu-west-1"), transport);
  read = elsewhere.read("a.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().http_status, 400);
  EXPECT_NE(read.error().message.find("AuthorizationHeaderMalformed"), std::string::npos);
}

TEST_F(S3OverCurl, HostileKeysNeverReachTheServer) {
  for (const std::string& key : std::vector<std::string>{"../../etc/passwd", "/abs", "a/../b", "a//b", "C:\\x",
                                                         std::string("a\0b", 3), std::string(2048, 'k')}) {
    EXPECT_EQ(store.put(key, "x", "").error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(store.exists(key).error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(store.read(key).error().kind, ErrorKind::invalid_argument);
  }
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(S3OverCurl, AServerErrorIsRetryableAndNamesTheS3Code) {
  server.fail_next(503, "SlowDown");
  auto read = store.read("a.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().http_status, 503);
  EXPECT_TRUE(read.error().retryable());
  EXPECT_EQ(read.error().message, "S3 GET of 'a.txt' failed: HTTP 503 SlowDown");
}

}  // namespace
}  // namespace scrapers::storage
