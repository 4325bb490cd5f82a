#include "tests/unit/storage/support/sigv4_verifier.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace scrapers::testing::sigv4 {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view value) {
  std::string out;
  bool in_space = false;
  for (const char c : trim(value)) {
    const bool space = c == ' ' || c == '\t';
    if (space && in_space) continue;
    out += space ? ' ' : c;
    in_space = space;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

const std::string* find_header(const RequestParts& request, std::string_view lower_name) {
  for (const auto& [name, value] : request.headers) {
    if (lower(name) == lower_name) return &value;
  }
  return nullptr;
}

Verdict deny(std::string code, std::string reason) { return Verdict{false, std::move(code), std::move(reason)}; }

// Signed-header rules: sorted, unique, host included, every x-amz-* header signed,
// every signed header present.
Verdict check_signed_headers(const RequestParts& request, const std::vector<std::string>& signed_headers) {
  if (!std::is_sorted(signed_headers.begin(), signed_headers.end()) ||
      std::adjacent_find(signed_headers.begin(), signed_headers.end()) != signed_headers.end()) {
    return deny("AuthorizationHeaderMalformed", "SignedHeaders is not sorted and unique");
  }
  const auto is_signed = [&](const std::string& name) {
    return std::binary_search(signed_headers.begin(), signed_headers.end(), name);
  };
  if (!is_signed("host")) return deny("AccessDenied", "the host header is not signed");
  for (const auto& [name, value] : request.headers) {
    const auto name_lower = lower(name);
    if (name_lower.starts_with("x-amz-") && !is_signed(name_lower)) {
      return deny("AccessDenied", "header " + name_lower + " is present but not signed");
    }
  }
  for (const auto& name : signed_headers) {
    if (find_header(request, name) == nullptr) {
      return deny("AccessDenied", "signed header " + name + " is missing from the request");
    }
  }
  return Verdict{true, {}, {}};
}

}  // namespace

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest failed");
  }
  return hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &length) == nullptr) {
    throw std::runtime_error("HMAC failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string uri_encode(std::string_view s, bool encode_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || (c == '/' && !encode_slash)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string canonical_uri(std::string_view raw_path) {
  if (raw_path.empty()) return "/";
  return uri_encode(percent_decode(raw_path), false);
}

std::string canonical_query(std::string_view raw_query) {
  if (raw_query.empty()) return {};
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto part : split(raw_query, '&')) {
    if (part.empty()) continue;
    const auto eq = part.find('=');
    const auto name = part.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    pairs.emplace_back(uri_encode(percent_decode(name), true), uri_encode(percent_decode(value), true));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [name, value] : pairs) out += (out.empty() ? "" : "&") + name + "=" + value;
  return out;
}

std::string canonical_headers(const RequestParts& request, const std::vector<std::string>& signed_headers) {
  std::string out;
  for (const auto& wanted : signed_headers) {
    std::string joined;
    bool first = true;
    for (const auto& [name, value] : request.headers) {
      if (lower(name) != wanted) continue;
      joined += (first ? "" : ",") + collapse_spaces(value);
      first = false;
    }
    out += wanted + ":" + joined + "\n";
  }
  return out;
}

std::string canonical_request(const RequestParts& request, const std::vector<std::string>& signed_headers,
                              std::string_view payload_hash) {
  const auto question = request.target.find('?');
  const std::string_view target = request.target;
  const auto path = target.substr(0, question);
  const auto query = question == std::string::npos ? std::string_view() : target.substr(question + 1);
  std::string names;
  for (const auto& name : signed_headers) names += (names.empty() ? "" : ";") + name;
  return request.method + "\n" + canonical_uri(path) + "\n" + canonical_query(query) + "\n" +
         canonical_headers(request, signed_headers) + "\n" + names + "\n" + std::string(payload_hash);
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request_text) {
  return "AWS4-HMAC-SHA256\n" + std::string(amz_date) + "\n" + std::string(scope) + "\n" +
         sha256_hex(canonical_request_text);
}

std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service) {
  const auto date_key = hmac_sha256("AWS4" + std::string(secret), date);
  const auto region_key = hmac_sha256(date_key, region);
  const auto service_key = hmac_sha256(region_key, service);
  return hmac_sha256(service_key, "aws4_request");
}

std::string signature(std::string_view secret, std::string_view amz_date, std::string_view region,
                      std::string_view service, std::string_view canonical_request_text) {
  const auto date = amz_date.substr(0, 8);
  const std::string scope = std::string(date) + "/" + std::string(region) + "/" + std::string(service) +
                            "/aws4_request";
  return hex(hmac_sha256(signing_key(secret, date, region, service),
                         string_to_sign(amz_date, scope, canonical_request_text)));
}

bool parse_authorization(std::string_view value, Authorization& out) {
  constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256 ";
  if (!value.starts_with(kAlgorithm)) return false;
  value.remove_prefix(kAlgorithm.size());
  bool have_credential = false, have_headers = false, have_signature = false;
  for (auto field : split(value, ',')) {
    field = trim(field);
    if (field.starts_with("Credential=")) {
      const auto scope = split(field.substr(11), '/');
      if (scope.size() != 5 || scope[4] != "aws4_request") return false;
      out.access_key_id = scope[0];
      out.date = scope[1];
      out.region = scope[2];
      out.service = scope[3];
      have_credential = true;
    } else if (field.starts_with("SignedHeaders=")) {
      out.signed_headers.clear();
      for (const auto name : split(field.substr(14), ';')) out.signed_headers.emplace_back(name);
      have_headers = true;
    } else if (field.starts_with("Signature=")) {
      out.signature = field.substr(10);
      have_signature = out.signature.size() == 64;
    }
  }
  return have_credential && have_headers && have_signature;
}

Verdict verify(const RequestParts& request, std::string_view body, const ServerKeys& keys) {
  const auto* header = find_header(request, "authorization");
  if (header == nullptr) return deny("AccessDenied", "no Authorization header");
  Authorization auth;
  if (!parse_authorization(*header, auth)) return deny("AuthorizationHeaderMalformed", *header);
  const auto secret = keys.secrets.find(auth.access_key_id);
  if (secret == keys.secrets.end()) return deny("InvalidAccessKeyId", "unknown access key id");
  if (auth.region != keys.region || auth.service != keys.service) {
    return deny("AuthorizationHeaderMalformed", "scope names region " + auth.region + ", service " + auth.service);
  }
  const auto* amz_date = find_header(request, "x-amz-date");
  if (amz_date == nullptr || amz_date->size() != 16 || amz_date->substr(0, 8) != auth.date) {
    return deny("AccessDenied", "x-amz-date is missing or does not match the credential scope date");
  }
  if (auto headers_ok = check_signed_headers(request, auth.signed_headers); !headers_ok.ok) return headers_ok;
  const auto* payload_hash = find_header(request, "x-amz-content-sha256");
  if (payload_hash == nullptr) return deny("InvalidRequest", "missing x-amz-content-sha256");
  if (*payload_hash != sha256_hex(body)) {
    return deny("XAmzContentSHA256Mismatch", "x-amz-content-sha256 does not match the body");
  }
  const auto creq = canonical_request(request, auth.signed_headers, *payload_hash);
  const auto expected = signature(secret->second, *amz_date, auth.region, auth.service, creq);
  if (expected != auth.signature) return deny("SignatureDoesNotMatch", "canonical request:\n" + creq);
  return Verdict{true, {}, {}};
}

}  // namespace scrapers::testing::sigv4
