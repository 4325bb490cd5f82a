#include "scrapers/opensubtitles/api_responses.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "common/text/ascii.hpp"
#include "common/text/entities.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"
#include "scrapers/opensubtitles/json_fields.hpp"

namespace scrapers::opensubtitles {
namespace {

using detail::bool_field;
using detail::int_field;
using detail::member;
using detail::string_field;

constexpr std::size_t kMaxMessageBytes = 200;

// One printable line of valid UTF-8, at most kMaxMessageBytes long.
std::string one_line(std::string_view raw) {
  std::string s = text::repair_utf8(raw);
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  s = text::collapse_whitespace(s);
  if (s.size() > kMaxMessageBytes) {
    s.resize(text::utf8_prefix_length(s, kMaxMessageBytes - 3));
    s += "...";
  }
  return s;
}

std::string html_title(std::string_view body) {
  const std::string lower = text::to_ascii_lower(body.substr(0, 64 * 1024));
  const auto open = lower.find("<title");
  if (open == std::string::npos) return {};
  const auto start = lower.find('>', open);
  const auto end = lower.find("</title", start == std::string::npos ? open : start);
  if (start == std::string::npos || end == std::string::npos) return {};
  return text::decode_entities(body.substr(start + 1, end - start - 1));
}

std::string json_message(const nlohmann::json& json) {
  if (auto message = string_field(json, "message")) return *message;
  const auto* errors = member(json, "errors");
  if (errors == nullptr || !errors->is_array()) return {};
  std::string joined;
  for (const auto& e : *errors) {
    if (!e.is_string()) continue;
    if (!joined.empty()) joined += "; ";
    joined += e.get<std::string>();
  }
  return joined;
}

QuotaInfo read_quota(const nlohmann::json& json) {
  QuotaInfo q;
  q.requests = int_field(json, "requests");
  q.remaining = int_field(json, "remaining");
  q.message = string_field(json, "message");
  q.reset_time = string_field(json, "reset_time");
  q.reset_time_utc = string_field(json, "reset_time_utc");
  return q;
}

bool is_http_url(std::string_view url) {
  if (!text::starts_with_ascii_icase(url, "http://") && !text::starts_with_ascii_icase(url, "https://"))
    return false;
  const auto rest = url.substr(url.find("://") + 3);
  if (rest.empty() || rest.front() == '/') return false;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  return true;
}

Error status_error(ErrorKind kind, int status, std::string message, std::string_view context) {
  Error error = make_error(kind, std::move(message), std::string(context));
  error.http_status = status;
  return error;
}

std::string with_server_words(std::string what, const std::string& words) {
  return words.empty() ? what : what + ": " + words;
}

}  // namespace

Result<DownloadLink> parse_download_response(std::string_view body) {
  auto parsed = detail::parse_api_object(body, "download response");
  if (!parsed.ok()) return std::move(parsed).error();
  const auto link = string_field(*parsed, "link");
  if (!link || link->empty()) {
    return make_error(ErrorKind::missing_field, "download response has no 'link'");
  }
  if (!is_http_url(*link)) {
    return make_error(ErrorKind::parse, "download link is not an http(s) URL");
  }
  return DownloadLink{*link, string_field(*parsed, "file_name"), read_quota(*parsed)};
}

std::optional<std::string> base_url_host(std::string_view base_url) {
  std::string_view s = text::trim(base_url);
  if (text::starts_with_ascii_icase(s, "https://")) s.remove_prefix(8);
  else if (text::starts_with_ascii_icase(s, "http://")) s.remove_prefix(7);
  s = s.substr(0, s.find('/'));
  if (s.empty() || s.size() > 253) return std::nullopt;
  for (char c : s) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == ':';
    if (!ok) return std::nullopt;
  }
  if (s.front() == '.' || s.front() == '-' || s.front() == ':') return std::nullopt;
  return text::to_ascii_lower(s);
}

Result<LoginResult> parse_login_response(std::string_view body) {
  auto parsed = detail::parse_api_object(body, "login response");
  if (!parsed.ok()) return std::move(parsed).error();
  LoginResult result;
  result.token = string_field(*parsed, "token").value_or("");
  if (result.token.empty()) return make_error(ErrorKind::missing_field, "login response has no token");
  if (const auto base = string_field(*parsed, "base_url"); base && !text::trim(*base).empty()) {
    const auto host = base_url_host(*base);
    if (!host) return make_error(ErrorKind::parse, "login response base_url is not a host name");
    result.base_host = *host;
  }
  if (const auto* user = member(*parsed, "user")) {
    result.allowed_downloads = int_field(*user, "allowed_downloads");
    result.level = string_field(*user, "level");
    result.vip = bool_field(*user, "vip");
  }
  return result;
}

std::string server_message(std::string_view body) {
  const std::string_view trimmed = text::trim(body);
  if (trimmed.empty()) return {};
  if (trimmed.front() == '{') {
    const auto json = nlohmann::json::parse(trimmed, nullptr, false);
    if (!json.is_discarded()) return one_line(json_message(json));
  }
  if (trimmed.front() == '<') return one_line(html_title(trimmed));
  return one_line(trimmed.substr(0, kMaxMessageBytes * 2));
}

ApiFailure describe_api_failure(int status, std::string_view body, std::string_view context) {
  const std::string words = server_message(body);
  const std::string lower = text::to_ascii_lower(words);
  const auto fail = [&](ErrorKind kind, std::string message) {
    return ApiFailure{status_error(kind, status, std::move(message), context), std::nullopt};
  };
  switch (status) {
    case 401:
      if (lower.find("invalid domain") != std::string::npos) {
        return fail(ErrorKind::unauthorized,
                    "OpenSubtitles rejected the token for this API host (Invalid domain)");
      }
      return fail(ErrorKind::unauthorized,
                  with_server_words("OpenSubtitles rejected the credentials (401)", words));
    case 403:
      return fail(ErrorKind::unauthorized,
                  with_server_words("OpenSubtitles refused the API key or User-Agent (403)", words));
    case 406: {
      if (lower.find("invalid token") != std::string::npos) {
        return fail(ErrorKind::unauthorized, "OpenSubtitles rejected the token (406 invalid token)");
      }
      ApiFailure quota = fail(ErrorKind::quota_exhausted,
                              with_server_words("OpenSubtitles download quota exhausted", words));
      const auto json = nlohmann::json::parse(text::trim(body), nullptr, false);
      quota.quota = json.is_object() ? read_quota(json) : QuotaInfo{};
      return quota;
    }
    case 410:
      return fail(ErrorKind::http_status, with_server_words("OpenSubtitles download link expired (410)", words));
    case 429:
      return fail(ErrorKind::http_status, with_server_words("OpenSubtitles rate limit exceeded (429)", words));
    default:
      return fail(ErrorKind::http_status,
                  with_server_words("OpenSubtitles answered HTTP " + std::to_string(status), words));
  }
}

}  // namespace scrapers::opensubtitles
