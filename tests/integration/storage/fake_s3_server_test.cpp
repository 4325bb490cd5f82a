// The fake S3 server itself, driven by a plain HTTP client with hand-made SigV4
// headers: it must serve correctly signed requests and refuse everything else, or
// the curl tests prove nothing.
#include "tests/integration/storage/support/fake_s3_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include "tests/unit/storage/support/sigv4_verifier.hpp"

namespace scrapers::testing {
namespace {

constexpr const char* kKeyId = "AKIDSERVERTEST";
constexpr const char* kSecret = "server-test-secret";
constexpr const char* kDate = "20261128T120000Z";

class FakeS3 : public ::testing::Test {
 protected:
  FakeS3Server server{{"bucket-one", "auto", {{kKeyId, kSecret}}}};
  std::string host = server.endpoint().substr(std::string("http://").size());
  httplib::Client client{server.endpoint()};

  // Host, x-amz-date, x-amz-content-sha256 (of `declared_body`) and Authorization.
  httplib::Headers signed_headers(const std::string& method, const std::string& target,
                                  const std::string& declared_body, const std::string& secret = kSecret) {
    const auto payload = sigv4::sha256_hex(declared_body);
    sigv4::RequestParts parts{
        method, target, {{"Host", host}, {"x-amz-content-sha256", payload}, {"x-amz-date", kDate}}};
    const std::vector<std::string> names = {"host", "x-amz-content-sha256", "x-amz-date"};
    const auto sig = sigv4::signature(secret, kDate, "auto", "s3",
                                      sigv4::canonical_request(parts, names, payload));
    return {{"Host", host},
            {"x-amz-content-sha256", payload},
            {"x-amz-date", kDate},
            {"Authorization", std::string("AWS4-HMAC-SHA256 Credential=") + kKeyId +
                                  "/20261128/auto/s3/aws4_request, " +
                                  "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + sig}};
  }
};

TEST_F(FakeS3, ServesACorrectlySignedPutAndGet) {
  auto put = client.Put("/bucket-one/dir/a%20b.txt", signed_headers("PUT", "/bucket-one/dir/a%20b.txt", "body"),
                        "body", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200) << put->body;
  ASSERT_TRUE(server.object("dir/a b.txt").has_value());
  EXPECT_EQ(server.object("dir/a b.txt")->body, "body");
  auto get = client.Get("/bucket-one/dir/a%20b.txt", signed_headers("GET", "/bucket-one/dir/a%20b.txt", ""));
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "body");
}

TEST_F(FakeS3, RefusesABodyThatDoesNotMatchItsSignedHash) {
  auto put = client.Put("/bucket-one/a.txt", signed_headers("PUT", "/bucket-one/a.txt", "declared"), "swapped",
                        "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 400);
  EXPECT_NE(put->body.find("<Code>XAmzContentSHA256Mismatch</Code>"), std::string::npos) << put->body;
  EXPECT_EQ(server.object_count(), 0u);
}

TEST_F(FakeS3, RefusesAWrongSecretAndAnUnsignedRequest) {
  auto wrong = client.Put("/bucket-one/a.txt", signed_headers("PUT", "/bucket-one/a.txt", "x", "other"), "x",
                          "text/plain");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_NE(wrong->body.find("<Code>SignatureDoesNotMatch</Code>"), std::string::npos) << wrong->body;
  auto unsigned_put = client.Put("/bucket-one/a.txt", "x", "text/plain");
  ASSERT_TRUE(unsigned_put);
  EXPECT_EQ(unsigned_put->status, 403);
  EXPECT_EQ(server.object_count(), 0u);
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].rejection, "SignatureDoesNotMatch");
  EXPECT_EQ(seen[1].rejection, "AccessDenied");
}

TEST_F(FakeS3, RefusesASignatureReplayedForAnotherPath) {
  auto put = client.Put("/bucket-one/b.txt", signed_headers("PUT", "/bucket-one/a.txt", "x"), "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 403);
  EXPECT_FALSE(server.object("b.txt").has_value());
}

}  // namespace
}  // namespace scrapers::testing
