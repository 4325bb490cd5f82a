// Tolerant field access for OpenSubtitles JSON, where any field may be null,
// missing or of an unexpected type (internal to this module).
//
// Every getter returns nullopt instead of throwing when the key is absent, the
// value is null, or the type does not fit. Integers are accepted as JSON integers,
// as floating-point numbers with no fraction, or as strings of ASCII digits (ids
// appear both ways); strings are returned as written; booleans also accept 0 / 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"

namespace scrapers::opensubtitles::detail {

// The member `key` of `object` when object is a JSON object holding it, else nullptr.
const nlohmann::json* member(const nlohmann::json* object, std::string_view key) noexcept;
const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept;

std::optional<std::string> string_field(const nlohmann::json& object, std::string_view key);
std::optional<std::int64_t> int_field(const nlohmann::json& object, std::string_view key);
std::optional<bool> bool_field(const nlohmann::json& object, std::string_view key);
std::optional<double> number_field(const nlohmann::json& object, std::string_view key);

std::optional<std::int64_t> as_int(const nlohmann::json& value);

// Parses an API body: ErrorKind::bad_content_type when it looks like HTML or plain
// text, ErrorKind::parse for malformed JSON, layout_changed when the top level is
// not an object. `what` names the response in messages ("search response").
Result<nlohmann::json> parse_api_object(std::string_view body, std::string_view what);

}  // namespace scrapers::opensubtitles::detail
