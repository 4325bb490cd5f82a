// AWS Signature Version 4, computed independently of libcurl, to check requests
// the suite sends to S3-compatible storage.
//
// Follows the AWS general reference ("Create a signed AWS API request") and the S3
// header-based-auth page: canonical request → string to sign → signing key
// (HMAC-SHA256 chain over date, region, service, "aws4_request") → signature.
// The canonical URI follows S3's rule: the path is decoded once and re-encoded
// (RFC 3986 unreserved kept, '/' kept), never double-encoded. verify() is what a
// strict S3 server does with an incoming request. Test support only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scrapers::testing::sigv4 {

struct RequestParts {
  std::string method;
  std::string target;  // path and optional "?query", raw as on the request line
  std::vector<std::pair<std::string, std::string>> headers;  // as received, any case
};

std::string hex(std::string_view bytes);
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes

// URI-encodes per AWS: unreserved kept, everything else %XX upper-case;
// '/' kept unless encode_slash.
std::string uri_encode(std::string_view s, bool encode_slash);
std::string percent_decode(std::string_view s);

std::string canonical_uri(std::string_view raw_path);
std::string canonical_query(std::string_view raw_query);
// "name:value\n" for each signed header (sorted, lower-cased, values trimmed and
// inner whitespace runs collapsed, repeated headers joined with ',').
std::string canonical_headers(const RequestParts& request, const std::vector<std::string>& signed_headers);
std::string canonical_request(const RequestParts& request, const std::vector<std::string>& signed_headers,
                              std::string_view payload_hash);

std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical_request);
std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service);
std::string signature(std::string_view secret, std::string_view amz_date, std::string_view region,
                      std::string_view service, std::string_view canonical_request);

// The parts of "AWS4-HMAC-SHA256 Credential=AK/DATE/REGION/SERVICE/aws4_request,
// SignedHeaders=a;b, Signature=hex".
struct Authorization {
  std::string access_key_id;
  std::string date;
  std::string region;
  std::string service;
  std::vector<std::string> signed_headers;
  std::string signature;
};
// False when the header is not a well-formed SigV4 Authorization value.
bool parse_authorization(std::string_view value, Authorization& out);

struct Verdict {
  bool ok = false;
  std::string code;    // S3 error code when !ok: SignatureDoesNotMatch, XAmzContentSHA256Mismatch, ...
  std::string reason;  // human detail
};

struct ServerKeys {
  std::map<std::string, std::string> secrets;  // access key id → secret
  std::string region;
  std::string service = "s3";
};

// Checks a request the way S3 does: known key, scope matching x-amz-date, region
// and service; host and every x-amz-* header signed; x-amz-content-sha256 equal to
// the body's hash; and the signature itself.
Verdict verify(const RequestParts& request, std::string_view body, const ServerKeys& keys);

}  // namespace scrapers::testing::sigv4
