// Fault rules for the fixture server: what to do instead of (or before) answering.
//
// A rule matches a request path exactly, or by prefix when `path` ends with '*',
// optionally only for one method, and applies `times` times (-1 = always); once used
// up, requests fall through to the emulators and recordings again. So
// {"path": "/a", "fault": "status", "status": 503, "times": 1} followed by a
// recording of /a gives "503 then 200". JSON form (POST /__control/faults):
//   {"path": "/api/x", "method": "GET", "fault": "<kind>", "times": 2, ...}
// Kinds and their fields:
//   status      status (500), headers {}, body, content_type   e.g. 429 + Retry-After
//   delay       delay_ms, then answers normally (or with `body` when given)
//   reset       TCP reset (RST) before any response byte
//   truncate    Content-Length = len(body) + bytes (1000), then the connection closes
//   gzip | br   body (or the recording's) compressed, Content-Encoding set
//   redirect    status (302), location: e.g. itself (a loop) or "file:///etc/passwd"
//   oversized   bytes (64 MiB) of text with Content-Length, sent as fast as read
//   slow        bytes (1 MiB) sent chunk_bytes (1024) every interval_ms (100)
//   challenge   status (403) Cloudflare "Just a moment..." page, cf-mitigated: challenge
//   hostile_html  status (200) an HTML page built to hurt a parser: shape "nested" (count
//               nested <div>s), "attributes" (count attributes on one tag) or "elements"
//               (count sibling elements); count defaults to 100000
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"

namespace scrapers::testing {

struct FaultRule {
  std::string path;
  std::string method;  // "" = any
  std::string fault;
  int times = -1;
  int status = 0;  // 0 = the kind's default
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body;
  std::string content_type;
  int delay_ms = 0;
  std::string location;
  std::size_t bytes = 0;  // 0 = the kind's default
  std::size_t chunk_bytes = 1024;
  int interval_ms = 100;
  std::string shape;      // hostile_html
  std::size_t count = 0;  // hostile_html; 0 = 100000

  bool matches(std::string_view method, std::string_view path) const;
};

// Validates the kind and field types; invalid_argument names the problem.
Result<FaultRule> parse_fault_rule(const nlohmann::json& json);
nlohmann::json fault_rule_json(const FaultRule& rule);

}  // namespace scrapers::testing
