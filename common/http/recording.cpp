#include "common/http/recording.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "common/http/redact.hpp"
#include "common/http/url.hpp"
#include "common/text/ascii.hpp"

namespace scrapers::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMetaSuffix = ".meta.json";

bool body_optional(int status) { return status == 204 || (status >= 300 && status < 400); }

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorKind::not_found, "cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Status write_file_atomically(const fs::path& path, std::string_view data) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return make_error(ErrorKind::io, "cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return make_error(ErrorKind::io, "cannot rename " + tmp.string() + ": " + ec.message());
  return Ok{};
}

Status read_headers(const nlohmann::json& json, Headers& headers, const fs::path& meta) {
  if (!json.is_object()) return make_error(ErrorKind::parse, "\"headers\" must be an object", meta.string());
  for (const auto& [name, value] : json.items()) {
    if (value.is_string()) {
      headers.add(name, value.get<std::string>());
    } else if (value.is_array() &&
               std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
      for (const auto& item : value) headers.add(name, item.get<std::string>());
    } else {
      return make_error(ErrorKind::parse, "header " + name + " must be a string or strings", meta.string());
    }
  }
  return Ok{};
}

Result<Recording> recording_from_json(const nlohmann::json& json, const fs::path& meta_path) {
  Recording r;
  r.meta_path = meta_path;
  const std::string path = meta_path.string();
  r.body_path = path.substr(0, path.size() - kMetaSuffix.size());
  if (!json.is_object() || !json.contains("url") || !json["url"].is_string()) {
    return make_error(ErrorKind::missing_field, "recording meta needs a string \"url\"", path);
  }
  r.url = json["url"].get<std::string>();
  r.method = text::to_ascii_upper(json.value("method", std::string("GET")));
  r.status = json.value("status", 200);
  r.content_type = json.value("content_type", std::string());
  r.recorded_at = json.value("recorded_at", std::string());
  r.replay = json.value("replay", true);
  if (json.contains("request_body")) r.request_body = json["request_body"];
  if (json.contains("headers")) {
    if (auto s = read_headers(json["headers"], r.headers, meta_path); !s.ok()) return std::move(s).error();
  }
  if (!r.content_type.empty() && !r.headers.has("Content-Type")) r.headers.add("Content-Type", r.content_type);
  if (r.status < 100 || r.status > 599) return make_error(ErrorKind::parse, "status out of range", path);
  return r;
}

}  // namespace

std::string recording_key(std::string_view method, std::string_view url) {
  std::string m = text::to_ascii_upper(method);
  if (m == "HEAD") m = "GET";
  auto parsed = !url.empty() && url.front() == '/' ? parse_url("http://recording" + std::string(url))
                                                   : parse_url(url);
  if (!parsed.ok()) return m + " " + std::string(url);
  const std::string query = redact_query(parsed->query);
  return m + " " + parsed->path + (query.empty() ? "" : "?" + query);
}

bool redact_json(nlohmann::json& value) {
  bool replaced = false;
  std::vector<nlohmann::json*> pending{&value};
  while (!pending.empty()) {
    nlohmann::json& node = *pending.back();
    pending.pop_back();
    if (node.is_object()) {
      for (auto& [key, item] : node.items()) {
        if (is_secret_param(key) && (item.is_string() || item.is_number())) {
          item = std::string(kRedacted);
          replaced = true;
        } else if (item.is_structured()) {
          pending.push_back(&item);
        }
      }
    } else if (node.is_array()) {
      for (auto& item : node) {
        if (item.is_structured()) pending.push_back(&item);
      }
    }
  }
  return replaced;
}

std::size_t json_nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Result<Recording> read_recording_meta(const fs::path& meta_path) {
  auto text = read_file(meta_path);
  if (!text.ok()) return std::move(text).error();
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded()) {
    return make_error(ErrorKind::parse, "malformed JSON in recording meta", meta_path.string());
  }
  return recording_from_json(json, meta_path);
}

nlohmann::json recording_meta_json(const Recording& r) {
  nlohmann::json json{
      {"method", r.method}, {"url", r.url}, {"status", r.status}, {"content_type", r.content_type}};
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : r.headers.entries) {
    if (!headers.contains(name)) {
      headers[name] = value;
    } else {
      if (!headers[name].is_array()) headers[name] = nlohmann::json::array({headers[name]});
      headers[name].push_back(value);
    }
  }
  if (!headers.empty()) json["headers"] = headers;
  if (r.request_body) json["request_body"] = *r.request_body;
  if (!r.recorded_at.empty()) json["recorded_at"] = r.recorded_at;
  if (!r.replay) json["replay"] = false;
  return json;
}

Result<std::string> read_recording_body(const Recording& recording) {
  if (!fs::exists(recording.body_path) && body_optional(recording.status)) return std::string();
  return read_file(recording.body_path);
}

Result<fs::path> write_recording(const fs::path& dir, const std::string& file_name, const Recording& meta,
                                 std::string_view body) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error(ErrorKind::io, "cannot create " + dir.string() + ": " + ec.message());
  const fs::path body_path = dir / file_name;
  if (auto s = write_file_atomically(body_path, body); !s.ok()) return std::move(s).error();
  const fs::path meta_path = body_path.string() + std::string(kMetaSuffix);
  if (auto s = write_file_atomically(meta_path, recording_meta_json(meta).dump(2) + "\n"); !s.ok()) {
    return std::move(s).error();
  }
  return body_path;
}

Response response_from_recording(const Recording& recording, std::string body, std::string request_url) {
  Response response;
  response.status = recording.status;
  response.headers = recording.headers;
  response.body = std::move(body);
  response.effective_url = std::move(request_url);
  return response;
}

Result<RecordingIndex> RecordingIndex::load(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return make_error(ErrorKind::not_found, "recordings directory does not exist", root.string());
  }
  RecordingIndex index;
  index.root_ = root;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file() || name.size() <= kMetaSuffix.size() ||
        name.substr(name.size() - kMetaSuffix.size()) != kMetaSuffix) {
      continue;
    }
    auto recording = read_recording_meta(it->path());
    if (!recording.ok()) return std::move(recording).error();
    if (!recording->replay) continue;
    if (!body_optional(recording->status) && !fs::exists(recording->body_path)) {
      return make_error(ErrorKind::not_found, "recording body file is missing", recording->body_path.string());
    }
    index.by_key_[recording_key(recording->method, recording->url)].push_back(std::move(*recording));
    ++index.count_;
  }
  if (ec) return make_error(ErrorKind::io, "cannot list recordings: " + ec.message(), root.string());
  return index;
}

Result<const Recording*> RecordingIndex::find(std::string_view method, std::string_view url,
                                              std::string_view body) const {
  const std::string key = recording_key(method, url);
  const auto it = by_key_.find(key);
  std::vector<const Recording*> exact;
  std::vector<const Recording*> any_body;
  if (it != by_key_.end()) {
    auto json = json_nesting_depth(body) <= kMaxRecordedJsonDepth
                    ? nlohmann::json::parse(body, nullptr, false)
                    : nlohmann::json(nlohmann::json::value_t::discarded);
    if (!json.is_discarded()) redact_json(json);
    for (const auto& recording : it->second) {
      if (!recording.request_body) {
        any_body.push_back(&recording);
      } else if (!json.is_discarded() && json == *recording.request_body) {
        exact.push_back(&recording);
      }
    }
  }
  const auto& best = exact.empty() ? any_body : exact;
  if (best.size() == 1) return best.front();
  if (best.empty()) {
    return make_error(ErrorKind::not_found, "no recording for " + text::to_ascii_upper(method) + " " +
                                                redact_url(url) + " under " + root_.string());
  }
  std::string files;
  for (const auto* r : best) files += (files.empty() ? "" : ", ") + r->meta_path.string();
  return make_error(ErrorKind::invalid_argument, "several recordings match " + key + ": " + files);
}

std::vector<std::string> RecordingIndex::ambiguous_keys() const {
  std::vector<std::string> keys;
  for (const auto& [key, recordings] : by_key_) {
    std::vector<std::string> bodies;
    for (const auto& recording : recordings) {
      bodies.push_back(recording.request_body ? recording.request_body->dump() : std::string("*"));
    }
    std::sort(bodies.begin(), bodies.end());
    if (std::adjacent_find(bodies.begin(), bodies.end()) != bodies.end()) keys.push_back(key);
  }
  return keys;
}

}  // namespace scrapers::http
