#include "common/http/recording_transport.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

#include "common/http/redact.hpp"
#include "common/http/url.hpp"
#include "common/text/ascii.hpp"
#include "common/util/log.hpp"
#include "common/util/sha256.hpp"

namespace scrapers::http {
namespace {

bool keep_header(std::string_view name) {
  if (is_secret_header(name)) return false;
  static constexpr std::array<std::string_view, 10> kept = {
      "content-type",  "location", "retry-after", "server",           "content-disposition",
      "last-modified", "etag",     "x-reason",    "content-language", "cache-control"};
  const std::string lower = text::to_ascii_lower(name);
  return std::find(kept.begin(), kept.end(), lower) != kept.end() || lower.rfind("cf-", 0) == 0 ||
         lower.rfind("ratelimit-", 0) == 0 || lower.rfind("x-ratelimit-", 0) == 0;
}

std::string extension_for(std::string_view media_type) {
  if (media_type.find("json") != std::string_view::npos) return ".json";
  if (media_type.find("html") != std::string_view::npos) return ".html";
  if (media_type.find("xml") != std::string_view::npos) return ".xml";
  if (media_type == "application/x-subrip") return ".srt";
  if (media_type.rfind("text/", 0) == 0) return ".txt";
  return ".bin";
}

std::string slug(std::string_view text, std::size_t limit) {
  std::string out;
  for (const char c : text) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_';
    if (plain) {
      out += text::ascii_lower(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= limit) break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out;
}

std::string utc_iso(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

std::string recording_file_name(std::string_view method, std::string_view url, std::string_view media_type) {
  const std::string key = recording_key(method, url);
  const auto parsed = parse_url(url);
  std::string readable = parsed.ok() ? parsed->path + "-" + redact_query(parsed->query) : std::string(url);
  std::string name = slug(std::string(method) + "-" + readable, 80);
  return name + "-" + sha256_hex(key).substr(0, 8) + extension_for(media_type);
}

// A JSON body parsed for scrubbing, or nullopt when it is not JSON or too deep to handle.
std::optional<nlohmann::json> parse_for_scrubbing(std::string_view text) {
  if (json_nesting_depth(text) > kMaxRecordedJsonDepth) return std::nullopt;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

std::optional<Recording> make_recording(const Request& request, const Response& response,
                                        std::chrono::system_clock::time_point recorded_at, std::string& body) {
  Recording recording;
  recording.method = request.method;
  recording.url = redact_url(request.url);
  recording.status = response.status;
  recording.content_type = response.headers.get("Content-Type").value_or("");
  recording.recorded_at = utc_iso(recorded_at);
  for (const auto& [name, value] : response.headers.entries) {
    if (keep_header(name)) recording.headers.add(name, value);
  }
  const bool json_response = response.content_type().find("json") != std::string::npos;
  if (json_nesting_depth(request.body) > kMaxRecordedJsonDepth ||
      (json_response && json_nesting_depth(response.body) > kMaxRecordedJsonDepth)) {
    return std::nullopt;
  }
  if (!request.body.empty()) {
    if (auto json = parse_for_scrubbing(request.body)) {
      redact_json(*json);
      recording.request_body = std::move(*json);
    }
  }
  body = response.body;
  if (json_response) {
    if (auto json = parse_for_scrubbing(body); json && redact_json(*json)) body = json->dump();
  }
  return recording;
}

RecordingTransport::RecordingTransport(std::unique_ptr<Transport> inner, std::filesystem::path dir, Clock& clock)
    : inner_(std::move(inner)), dir_(std::move(dir)), clock_(clock) {}

Result<Response> RecordingTransport::send(const Request& request) {
  Result<Response> result = inner_->send(request);
  if (!result.ok()) return result;
  std::string body;
  const std::optional<Recording> made = make_recording(request, *result, clock_.wall_now(), body);
  if (!made) {
    log::warn("not recorded: " + request.method + " " + redact_url(request.url) + " (JSON nested deeper than " +
              std::to_string(kMaxRecordedJsonDepth) + " levels cannot be scrubbed safely)");
    return result;
  }
  const Recording& recording = *made;
  const std::string name = recording_file_name(request.method, request.url, result->content_type());
  auto written = write_recording(dir_, name, recording, body);
  if (!written.ok()) return std::move(written).error();
  log::info("recorded " + request.method + " " + recording.url + " -> " + written->string());
  return result;
}

}  // namespace scrapers::http
