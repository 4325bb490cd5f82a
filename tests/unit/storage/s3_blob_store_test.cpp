#include "common/storage/s3_blob_store.hpp"

#include <gtest/gtest.h>

#include "tests/unit/storage/support/capturing_transport.hpp"
#include "tests/unit/storage/support/sigv4_verifier.hpp"

namespace scrapers::storage {
namespace {

using scrapers::testing::CapturingTransport;

constexpr const char* kSecret = "Sup3r/Secret+Value";
constexpr const char* kHelloSha = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
constexpr const char* kEmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

S3Config config(std::string prefix = "") {
  return S3Config{
      "https://acct.r2.cloudflarestorage.com/", "scraper-assets", "AKID123", kSecret, "auto", std::move(prefix)};
}

class S3Store : public ::testing::Test {
 protected:
  CapturingTransport transport;
  S3BlobStore store{config(), transport};
};

TEST_F(S3Store, PutHeadsThenSendsASignedPathStylePutWithTheBodyHash) {
  transport.reply(404);
  transport.reply(200);
  auto blob = store.put("raw/novel/w/number-0001/chapter.html", "hello world", "text/html");
  ASSERT_TRUE(blob.ok()) << blob.error().describe();
  ASSERT_EQ(transport.requests.size(), 2u);
  const auto& put = transport.requests[1];
  EXPECT_EQ(transport.requests[0].method, "HEAD");
  EXPECT_EQ(put.method, "PUT");
  EXPECT_EQ(put.url, "https://acct.r2.cloudflarestorage.com/scraper-assets/raw/novel/w/number-0001/chapter.html");
  EXPECT_EQ(put.body, "hello world");
  EXPECT_EQ(transport.header(1, "Content-Type"), "text/html");
  EXPECT_EQ(transport.header(1, "Content-Length"), "11");
  EXPECT_EQ(transport.header(1, "x-amz-content-sha256"), kHelloSha);
  EXPECT_EQ(transport.header(1, "x-amz-meta-sha256"), kHelloSha);
  ASSERT_TRUE(put.aws_sigv4.has_value());
  EXPECT_EQ(put.aws_sigv4->provider, "aws:amz:auto:s3");
  EXPECT_EQ(put.aws_sigv4->access_key_id, "AKID123");
  EXPECT_EQ(put.aws_sigv4->secret_access_key, kSecret);
  EXPECT_FALSE(put.follow_redirects);
}

TEST_F(S3Store, PutReturnsTheAssetRowValues) {
  transport.reply(404);
  auto blob = store.put("a/b.txt", "hello world", "text/plain");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(*blob, (StoredBlob{"a/b.txt", 11, kHelloSha, "cloudflare_r2", "scraper-assets"}));
}

TEST_F(S3Store, HeadAndGetCarryTheEmptyPayloadHash) {
  ASSERT_TRUE(store.exists("a.txt").ok());
  ASSERT_TRUE(store.read("a.txt").ok());
  EXPECT_EQ(transport.requests[0].method, "HEAD");
  EXPECT_EQ(transport.requests[1].method, "GET");
  EXPECT_EQ(transport.header(0, "x-amz-content-sha256"), kEmptySha);
  EXPECT_EQ(transport.header(1, "x-amz-content-sha256"), kEmptySha);
  EXPECT_TRUE(transport.requests[1].aws_sigv4.has_value());
}

TEST_F(S3Store, KeySegmentsArePercentEncodedAndThePrefixApplied) {
  CapturingTransport local;
  S3BlobStore prefixed(config("scrapers/v1"), local);
  local.reply(404);
  auto blob = prefixed.put("raw/a b/\xc3\xbc+x(1)~.html", "x", "");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(local.requests[1].url,
            "https://acct.r2.cloudflarestorage.com/scraper-assets/scrapers/v1/raw/a%20b/%C3%BC%2Bx%281%29~.html");
  EXPECT_EQ(blob->key, "scrapers/v1/raw/a b/\xc3\xbc+x(1)~.html");
  EXPECT_EQ(local.header(1, "Content-Type"), "application/octet-stream");
}

TEST_F(S3Store, PutSkipsTheUploadWhenIdenticalContentIsStored) {
  transport.reply(200, "",
                  {{"Content-Length", "11"}, {"Content-Type", "text/plain"}, {"x-amz-meta-sha256", kHelloSha}});
  auto blob = store.put("a/b.txt", "hello world", "text/plain");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(transport.requests.size(), 1u);
  EXPECT_EQ(blob->sha256, kHelloSha);
}

TEST_F(S3Store, PutUploadsWhenTheStoredContentDiffers) {
  transport.reply(
      200, "",
      {{"content-length", "11"}, {"content-type", "text/plain"}, {"x-amz-meta-sha256", std::string(64, 'a')}});
  ASSERT_TRUE(store.put("a/b.txt", "hello world", "text/plain").ok());
  ASSERT_EQ(transport.requests.size(), 2u);
  EXPECT_EQ(transport.requests[1].method, "PUT");
}

TEST_F(S3Store, ExistsIsTrueOn200AndFalseOn404) {
  transport.reply(200);
  transport.reply(404);
  EXPECT_TRUE(store.exists("a.txt").value());
  EXPECT_FALSE(store.exists("b.txt").value());
}

TEST_F(S3Store, ReadReturnsTheBodyAndNotFoundOn404) {
  transport.reply(200, "payload");
  transport.reply(404, "<Error><Code>NoSuchKey</Code></Error>");
  EXPECT_EQ(store.read("a.txt").value(), "payload");
  auto missing = store.read("b.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_NE(missing.error().message.find("b.txt"), std::string::npos);
}

TEST_F(S3Store, ARejectedPutNamesKeyStatusAndS3CodeButNeverTheSecret) {
  transport.reply(404);
  transport.reply(403, std::string("<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code>") +
                           "<Message>echo " + kSecret + "</Message></Error>");
  auto blob = store.put("a/b.txt", "x", "");
  ASSERT_FALSE(blob.ok());
  const Error& error = blob.error();
  EXPECT_EQ(error.kind, ErrorKind::http_status);
  EXPECT_EQ(error.http_status, 403);
  EXPECT_EQ(error.message,
            "S3 PUT of 'a/b.txt' failed: HTTP 403 SignatureDoesNotMatch "
            "(access denied: check the access key id and secret)");
  EXPECT_EQ(error.describe().find(kSecret), std::string::npos);
  EXPECT_EQ(error.describe().find('\n'), std::string::npos);
}

TEST_F(S3Store, AServerErrorIsRetryableAndKeepsItsStatus) {
  transport.reply(503, "<Error><Code>SlowDown</Code></Error>");
  auto found = store.exists("a.txt");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().http_status, 503);
  EXPECT_TRUE(found.error().retryable());
  EXPECT_NE(found.error().message.find("HEAD of 'a.txt'"), std::string::npos);
}

TEST_F(S3Store, ATransportErrorIsPassedOnNamingTheKey) {
  transport.fail(make_error(ErrorKind::network, "connection refused"));
  auto blob = store.put("a/b.txt", "x", "");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::network);
  EXPECT_EQ(blob.error().message, "S3 HEAD of 'a/b.txt' failed: connection refused");
}

TEST_F(S3Store, HostileKeysNeverReachTheTransport) {
  for (const std::string& key : std::vector<std::string>{"../../etc/passwd", "/abs", "a/../b", "a//b", "C:\\x",
                                                         std::string("a\0b", 3), std::string(2048, 'k')}) {
    EXPECT_EQ(store.put(key, "x", "").error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(store.exists(key).error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(store.read(key).error().kind, ErrorKind::invalid_argument);
  }
  EXPECT_TRUE(transport.requests.empty());
}

TEST_F(S3Store, AKeyTooLongOnceThePrefixIsAddedIsRefused) {
  CapturingTransport local;
  S3BlobStore prefixed(config("prefix"), local);
  const std::string key = std::string(250, 'a') + "/" + std::string(250, 'b') + "/" + std::string(250, 'c') + "/" +
                          std::string(250, 'd');  // 1003 bytes: valid alone, 1010 with "prefix/"
  ASSERT_TRUE(validate_key(key).ok());
  EXPECT_TRUE(prefixed.put(key, "x", "").ok());
  EXPECT_FALSE(prefixed.put(key + std::string(20, 'e'), "x", "").ok());
  EXPECT_EQ(local.requests.size(), 2u);  // HEAD + PUT of the first key only
}

TEST_F(S3Store, AContentTypeWithALineBreakIsRefused) {
  auto blob = store.put("a.txt", "x", "text/plain\r\nX-Injected: 1");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(transport.requests.empty());
}

TEST_F(S3Store, DescribeNamesBucketAndEndpointButNoCredentials) {
  const auto text = store.describe();
  EXPECT_NE(text.find("scraper-assets"), std::string::npos);
  EXPECT_NE(text.find("https://acct.r2.cloudflarestorage.com"), std::string::npos);
  EXPECT_EQ(text.find(kSecret), std::string::npos);
  EXPECT_EQ(text.find("AKID123"), std::string::npos);
}

TEST(S3Config, InvalidSettingsAreRefusedWithoutEchoingTheSecret) {
  const auto refused = [](S3Config c) {
    auto status = validate_s3_config(c);
    EXPECT_FALSE(status.ok());
    if (status.ok()) return std::string();
    EXPECT_EQ(status.error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(status.error().describe().find(kSecret), std::string::npos);
    return status.error().message;
  };
  auto c = config();
  EXPECT_TRUE(validate_s3_config(c).ok());
  c.endpoint = "ftp://host";
  EXPECT_NE(refused(c).find("endpoint"), std::string::npos);
  c.endpoint = "https://user:pw@host";
  EXPECT_NE(refused(c).find("credentials"), std::string::npos);
  c = config();
  c.bucket = "../x";
  EXPECT_NE(refused(c).find("bucket"), std::string::npos);
  c.bucket = "Upper";
  EXPECT_NE(refused(c).find("bucket"), std::string::npos);
  c = config();
  c.region = "us:east";
  EXPECT_NE(refused(c).find("region"), std::string::npos);
  c = config();
  c.key_prefix = "../up";
  EXPECT_NE(refused(c).find("key prefix"), std::string::npos);
  c = config();
  c.access_key_id = "AK:ID";
  EXPECT_NE(refused(c).find("access key id"), std::string::npos);
  c = config();
  c.secret_access_key = "";
  EXPECT_NE(refused(c).find("secret"), std::string::npos);
}

TEST(S3Config, TheStoreRefusesToBeBuiltFromAnInvalidConfig) {
  CapturingTransport transport;
  auto c = config();
  c.bucket = "a/b";
  EXPECT_THROW(S3BlobStore(c, transport), ErrorException);
}

TEST(S3Encoding, KeepsUnreservedCharactersAndEncodesEverythingElse) {
  EXPECT_EQ(percent_encode_segment("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode_segment("a b+c/d%e?f#g&h=i"), "a%20b%2Bc%2Fd%25e%3Ff%23g%26h%3Di");
  EXPECT_EQ(percent_encode_segment("$!'()*,;:@"), "%24%21%27%28%29%2A%2C%3B%3A%40");
  EXPECT_EQ(percent_encode_segment("\xe7\xac\xac"), "%E7%AC%AC");
  // Agrees with the independent SigV4 implementation's encoder.
  EXPECT_EQ(percent_encode_segment("x y$z\xc3\xbc"), scrapers::testing::sigv4::uri_encode("x y$z\xc3\xbc", true));
}

}  // namespace
}  // namespace scrapers::storage
