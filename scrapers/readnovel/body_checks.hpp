// Internal to the readnovel parsers: recognising what kind of body arrived before
// trying to read it as JSON, and turning the wrong kind into a clear Error.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"

namespace scrapers::readnovel::detail {

// The first non-whitespace byte (after a UTF-8 BOM) is '<'.
bool looks_like_html(std::string_view body) noexcept;

// A Cloudflare interstitial: any of the shared challenge markers
// (common/text/challenge.hpp).
bool looks_like_challenge(std::string_view body) noexcept;

// Size limit, empty body, challenge and HTML checks for a body that should be
// JSON; then the parsed JSON (invalid UTF-8 replaced by U+FFFD first). `what`
// names the endpoint in messages ("chapter list", "chapter content").
Result<nlohmann::json> read_json_body(std::string_view body, std::string_view url, std::string_view what);

// The error for a challenge page at url.
Error challenge_error(std::string_view url);

// A short, printable description of a JSON value's type: "a string", "null", ...
std::string json_type_name(const nlohmann::json& value);

// Whitespace collapsed (U+00A0 included), trimmed, valid UTF-8, cut to max_bytes.
std::string clean_title_text(std::string_view raw, std::size_t max_bytes);

}  // namespace scrapers::readnovel::detail
