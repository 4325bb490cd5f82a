// The SigV4 verifier against AWS's published examples: the IAM ListUsers example
// of the AWS general reference (signing key, canonical request hash, signature) and
// the GET-object / PUT-object examples of the S3 "Signature Version 4 header-based
// authentication" page. Note the S3 examples use the secret with a '/', the IAM one
// with a '+'.
#include "tests/unit/storage/support/sigv4_verifier.hpp"

#include <gtest/gtest.h>

namespace scrapers::testing::sigv4 {
namespace {

constexpr const char* kIamSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr const char* kS3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr const char* kS3KeyId = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kEmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

RequestParts iam_list_users() {
  return RequestParts{"GET",
                      "/?Action=ListUsers&Version=2010-05-08",
                      {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                       {"Host", "iam.amazonaws.com"},
                       {"X-Amz-Date", "20150830T123600Z"}}};
}

RequestParts s3_get_object() {
  return RequestParts{"GET",
                      "/test.txt",
                      {{"Host", "examplebucket.s3.amazonaws.com"},
                       {"Range", "bytes=0-9"},
                       {"x-amz-content-sha256", kEmptySha},
                       {"x-amz-date", "20130524T000000Z"}}};
}

RequestParts s3_put_object(std::string target) {
  return RequestParts{
      "PUT",
      std::move(target),
      {{"Host", "examplebucket.s3.amazonaws.com"},
       {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
       {"x-amz-date", "20130524T000000Z"},
       {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
       {"x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"}}};
}

void authorize(RequestParts& request, std::string_view key_id, std::string_view secret,
               const std::vector<std::string>& signed_headers, std::string_view region, std::string_view payload) {
  const auto creq = canonical_request(request, signed_headers, payload);
  std::string date;
  for (const auto& [name, value] : request.headers) {
    if (name == "x-amz-date" || name == "X-Amz-Date") date = value;
  }
  std::string names;
  for (const auto& n : signed_headers) names += (names.empty() ? "" : ";") + n;
  request.headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=" + std::string(key_id) + "/" +
                                                    date.substr(0, 8) + "/" + std::string(region) +
                                                    "/s3/aws4_request, SignedHeaders=" + names +
                                                    ", Signature=" + signature(secret, date, region, "s3", creq));
}

TEST(SigV4, IamExampleCanonicalRequestHashesToThePublishedValue) {
  const auto creq = canonical_request(iam_list_users(), {"content-type", "host", "x-amz-date"}, kEmptySha);
  EXPECT_EQ(creq,
            "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
            "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
            "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" +
                std::string(kEmptySha));
  EXPECT_EQ(sha256_hex(creq), "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
}

TEST(SigV4, IamExampleSigningKeyAndSignatureMatchThePublishedValues) {
  EXPECT_EQ(hex(signing_key(kIamSecret, "20150830", "us-east-1", "iam")),
            "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
  const auto creq = canonical_request(iam_list_users(), {"content-type", "host", "x-amz-date"}, kEmptySha);
  EXPECT_EQ(signature(kIamSecret, "20150830T123600Z", "us-east-1", "iam", creq),
            "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
}

TEST(SigV4, S3GetObjectExampleSignsToThePublishedSignature) {
  const auto creq = canonical_request(s3_get_object(), {"host", "range", "x-amz-content-sha256", "x-amz-date"},
                                      kEmptySha);
  EXPECT_EQ(sha256_hex(creq), "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  EXPECT_EQ(signature(kS3Secret, "20130524T000000Z", "us-east-1", "s3", creq),
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4, S3PutObjectExampleEncodesTheDollarAndSignsToThePublishedSignature) {
  const std::vector<std::string> names = {"date", "host", "x-amz-content-sha256", "x-amz-date",
                                          "x-amz-storage-class"};
  const auto payload = sha256_hex("Welcome to Amazon S3.");
  EXPECT_EQ(payload, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  const auto creq = canonical_request(s3_put_object("/test%24file.text"), names, payload);
  EXPECT_TRUE(creq.starts_with("PUT\n/test%24file.text\n\n")) << creq;
  EXPECT_EQ(sha256_hex(creq), "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
  EXPECT_EQ(signature(kS3Secret, "20130524T000000Z", "us-east-1", "s3", creq),
            "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4, CanonicalQuerySortsAndReencodes) {
  EXPECT_EQ(canonical_query("prefix=J&max-keys=2"), "max-keys=2&prefix=J");
  EXPECT_EQ(canonical_query("b=2&a=x%20y&a=%2B&c"), "a=%2B&a=x%20y&b=2&c=");
  EXPECT_EQ(canonical_uri("/bucket/a%20b/%7Ex"), "/bucket/a%20b/~x");
}

TEST(SigV4, ParsesTheAuthorizationHeaderOfTheIamExample) {
  Authorization auth;
  ASSERT_TRUE(
      parse_authorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                          "SignedHeaders=content-type;host;x-amz-date, "
                          "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                          auth));
  EXPECT_EQ(auth.access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(auth.region, "us-east-1");
  EXPECT_EQ(auth.service, "iam");
  EXPECT_EQ(auth.signed_headers, (std::vector<std::string>{"content-type", "host", "x-amz-date"}));
  EXPECT_FALSE(parse_authorization("AWS4-HMAC-SHA256 Credential=AK/2015/us/iam, Signature=x", auth));
}

class Verify : public ::testing::Test {
 protected:
  ServerKeys keys{{{kS3KeyId, kS3Secret}}, "us-east-1"};
  const std::vector<std::string> names = {"date", "host", "x-amz-content-sha256", "x-amz-date",
                                          "x-amz-storage-class"};
  const std::string body = "Welcome to Amazon S3.";
  RequestParts signed_put() {
    auto request = s3_put_object("/test%24file.text");
    authorize(request, kS3KeyId, kS3Secret, names, "us-east-1", sha256_hex(body));
    return request;
  }
};

TEST_F(Verify, AcceptsThePublishedPutObjectRequest) {
  auto request = s3_put_object("/test%24file.text");
  request.headers.emplace_back(
      "Authorization",
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
      "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
      "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  const auto verdict = verify(request, body, keys);
  EXPECT_TRUE(verdict.ok) << verdict.code << ": " << verdict.reason;
}

TEST_F(Verify, RejectsAWrongSecretAsSignatureDoesNotMatch) {
  auto request = s3_put_object("/test%24file.text");
  authorize(request, kS3KeyId, "not-the-secret", names, "us-east-1", sha256_hex(body));
  EXPECT_EQ(verify(request, body, keys).code, "SignatureDoesNotMatch");
}

TEST_F(Verify, RejectsABodyThatDoesNotMatchItsDeclaredHash) {
  EXPECT_EQ(verify(signed_put(), "Welcome to Amazon S4.", keys).code, "XAmzContentSHA256Mismatch");
}

TEST_F(Verify, RejectsAChangedPathOrHeader) {
  auto request = signed_put();
  request.target = "/other%24file.text";
  EXPECT_EQ(verify(request, body, keys).code, "SignatureDoesNotMatch");
  request = signed_put();
  request.headers[3].second = "STANDARD";  // x-amz-storage-class
  EXPECT_EQ(verify(request, body, keys).code, "SignatureDoesNotMatch");
}

TEST_F(Verify, RejectsUnsignedAmzHeadersUnknownKeysAndOtherRegions) {
  auto request = signed_put();
  request.headers.emplace_back("x-amz-meta-extra", "1");
  EXPECT_EQ(verify(request, body, keys).code, "AccessDenied");
  request = s3_put_object("/test%24file.text");
  authorize(request, "AKIDUNKNOWN", kS3Secret, names, "us-east-1", sha256_hex(body));
  EXPECT_EQ(verify(request, body, keys).code, "InvalidAccessKeyId");
  request = s3_put_object("/test%24file.text");
  authorize(request, kS3KeyId, kS3Secret, names, "eu-west-1", sha256_hex(body));
  EXPECT_EQ(verify(request, body, keys).code, "AuthorizationHeaderMalformed");
}

// libcurl 7.88 signs an "Expect:" removal entry as an empty "expect" header it never
// sends (curl issue 11664); S3-compatible servers refuse such a request.
TEST_F(Verify, RejectsASignedHeaderThatWasNotSent) {
  auto request = s3_put_object("/test%24file.text");
  request.headers.emplace_back("Expect", "");
  auto with_expect = names;
  with_expect.insert(with_expect.begin() + 1, "expect");
  authorize(request, kS3KeyId, kS3Secret, with_expect, "us-east-1", sha256_hex(body));
  std::erase_if(request.headers, [](const auto& header) { return header.first == "Expect"; });
  const auto verdict = verify(request, body, keys);
  EXPECT_EQ(verdict.code, "AccessDenied");
  EXPECT_NE(verdict.reason.find("signed header expect is missing"), std::string::npos) << verdict.reason;
}

TEST_F(Verify, RejectsARequestWithoutAuthorizationOrPayloadHash) {
  EXPECT_EQ(verify(s3_put_object("/test%24file.text"), body, keys).code, "AccessDenied");
  auto request = s3_get_object();
  request.headers.erase(request.headers.begin() + 2);  // x-amz-content-sha256
  authorize(request, kS3KeyId, kS3Secret, {"host", "range", "x-amz-date"}, "us-east-1", kEmptySha);
  EXPECT_EQ(verify(request, "", keys).code, "InvalidRequest");
}

}  // namespace
}  // namespace scrapers::testing::sigv4
