// The recording redactor: URLs, query strings and JSON bodies lose every secret value;
// any nesting depth is handled without recursion.
#include <vector>

#include <nlohmann/json.hpp>

#include "common/http/recording.hpp"
#include "common/http/redact.hpp"
#include "fuzz/fuzz_target.hpp"

using namespace scrapers;

namespace {
// True when no secret-named key still holds a string or number other than the mark.
bool no_secret_left(const nlohmann::json& root) {
  std::vector<const nlohmann::json*> pending{&root};
  while (!pending.empty()) {
    const nlohmann::json& node = *pending.back();
    pending.pop_back();
    if (node.is_object()) {
      for (const auto& [key, item] : node.items()) {
        if (http::is_secret_param(key) && item.is_number()) return false;
        if (http::is_secret_param(key) && item.is_string() && item.get<std::string>() != http::kRedacted)
          return false;
        if (item.is_structured()) pending.push_back(&item);
      }
    } else if (node.is_array()) {
      for (const auto& item : node)
        if (item.is_structured()) pending.push_back(&item);
    }
  }
  return true;
}
}  // namespace

SCRAPERS_FUZZ_TARGET(redact_json) {
  (void)http::redact_url(input);
  (void)http::redact_query(input);
  if (http::json_nesting_depth(input) > http::kMaxRecordedJsonDepth) return;  // never parsed for recording
  auto json = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return;
  (void)http::redact_json(json);
  FUZZ_CHECK(no_secret_left(json));
}
