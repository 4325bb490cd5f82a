// Recorded HTTP exchanges on disk, shared by ReplayTransport, RecordingTransport
// and the fixture server.
//
// Format. A recording is two files side by side under fixtures/<site>/:
//   <name>             the response body, byte for byte as decoded (any extension)
//   <name>.meta.json   {"method": "GET",
//                       "url": "https://wuxiaworld.eu/api/chapters/solo-leveling/",
//                       "status": 200,
//                       "content_type": "application/json",
//                       "headers": {"Retry-After": "3"},          (optional)
//                       "request_body": {"file_id": 8123001},     (optional, JSON)
//                       "recorded_at": "2025-06-01T12:00:00Z",     (optional)
//                       "replay": false}                          (optional)
// `url` may also be just the target ("/api/chapters/solo-leveling/?page=2").
// A request matches when method, path and query string are equal (scheme, host,
// port and fragment are ignored, so one recording serves any base URL; secret
// query values are compared after redaction). HEAD also matches GET. When
// `request_body` is present, the request body must be equal JSON. "replay": false
// keeps a parser-only fixture out of replay. The body file may be absent only for
// 204 and 3xx recordings. Header values may be strings or arrays of strings.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/http/message.hpp"

namespace scrapers::http {

struct Recording {
  std::string method = "GET";
  std::string url;  // as recorded, secrets redacted
  int status = 200;
  std::string content_type;
  Headers headers;  // relevant response headers, Content-Type included
  std::string recorded_at;
  std::optional<nlohmann::json> request_body;
  bool replay = true;
  std::filesystem::path meta_path;
  std::filesystem::path body_path;
};

// "GET /path?query" with secret query values redacted; `url` is absolute or a target.
std::string recording_key(std::string_view method, std::string_view url);

Result<Recording> read_recording_meta(const std::filesystem::path& meta_path);
nlohmann::json recording_meta_json(const Recording& recording);
Result<std::string> read_recording_body(const Recording& recording);

// Replaces the value of every secret-looking key (token, password, api_key, ...) by
// "REDACTED", at any depth, without recursion (a hostile body nested 200k levels deep
// cannot overflow the stack here); true when something was replaced.
bool redact_json(nlohmann::json& value);

// The deepest nesting of arrays and objects in JSON text (brackets inside strings do
// not count), found without parsing. nlohmann's copy, comparison and dump() recurse,
// so JSON deeper than kMaxRecordedJsonDepth is never parsed for recording.
std::size_t json_nesting_depth(std::string_view text);
inline constexpr std::size_t kMaxRecordedJsonDepth = 256;

// Writes <dir>/<stem> and <dir>/<stem>.meta.json (creating dir); returns the body path.
Result<std::filesystem::path> write_recording(const std::filesystem::path& dir, const std::string& file_name,
                                              const Recording& meta, std::string_view body);

// A Response as the recorded server would have sent it, for `request_url`.
Response response_from_recording(const Recording& recording, std::string body, std::string request_url);

// Every *.meta.json below a directory, indexed by recording_key().
class RecordingIndex {
 public:
  static Result<RecordingIndex> load(const std::filesystem::path& root);

  // The recording for a request: not_found naming method + URL when none matches,
  // invalid_argument naming the files when several match equally well.
  Result<const Recording*> find(std::string_view method, std::string_view url, std::string_view body = {}) const;
  std::size_t size() const { return count_; }
  // Keys that more than one recording answers without a request_body to tell them
  // apart (each such request would be ambiguous), e.g. for a fixture lint.
  std::vector<std::string> ambiguous_keys() const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::map<std::string, std::vector<Recording>> by_key_;
  std::size_t count_ = 0;
};

}  // namespace scrapers::http
