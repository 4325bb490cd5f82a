#include "common/http/classify.hpp"

#include <cctype>

#include "common/http/redact.hpp"
#include "common/text/ascii.hpp"
#include "common/text/challenge.hpp"

namespace scrapers::http {
namespace {

std::string_view first_non_space(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // UTF-8 BOM
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front())) != 0) body.remove_prefix(1);
  return body.substr(0, 1);
}

Error status_error(const Response& response, std::string_view url, ErrorKind kind, std::string what) {
  Error error = make_error(kind, std::move(what) + " from " + redact_url(url));
  error.http_status = response.status;
  return error;
}

}  // namespace

bool is_challenge(const Response& response) {
  for (const auto& value : response.headers.get_all("cf-mitigated")) {
    if (text::contains_ascii_icase(value, "challenge")) return true;
  }
  if (response.status != 403 && response.status != 429 && response.status != 503) return false;
  return text::body_has_challenge_marker(response.body);
}

Status expect_ok(const Response& response, std::string_view url) {
  if (is_challenge(response)) {
    return status_error(response, url, ErrorKind::blocked,
                        "anti-bot challenge (HTTP " + std::to_string(response.status) + ")");
  }
  if (response.status < 200 || response.status > 299) {
    return status_error(response, url, ErrorKind::http_status,
                        "unexpected HTTP status " + std::to_string(response.status));
  }
  return Ok{};
}

bool is_json_media_type(std::string_view type) {
  if (type == "application/json" || type == "text/json") return true;
  return type.substr(0, 12) == "application/" && type.size() > 17 && type.substr(type.size() - 5) == "+json";
}

Result<nlohmann::json> parse_json_body(const Response& response, std::string_view url, StatusCheck check) {
  if (check == StatusCheck::require_2xx || is_challenge(response)) {
    if (auto ok = expect_ok(response, url); !ok.ok()) return std::move(ok).error();
  }
  const std::string type = response.content_type();
  const std::string_view start = first_non_space(response.body);
  const bool looks_like_json = start == "{" || start == "[";
  if (!is_json_media_type(type) && !((type.empty() || type == "text/plain") && looks_like_json)) {
    Error error = make_error(ErrorKind::bad_content_type,
                             "expected JSON but got " + (type.empty() ? std::string("no content type") : type) +
                                 (start == "<" ? " (an HTML page)" : "") + " from " + redact_url(url));
    error.http_status = response.status;
    return error;
  }
  std::string_view body = response.body;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorKind::parse, "malformed JSON from " + redact_url(url) + ": " + e.what());
  }
}

}  // namespace scrapers::http
