// Exact integers out of nlohmann::json values.
//
// nlohmann::json keeps integer literals as std::int64_t or std::uint64_t and never
// routes them through double, so an id above 2^53 arrives exact. json_int64()
// returns the value when it is a JSON integer that fits in std::int64_t, and
// nullopt otherwise: floats (even whole ones), strings, booleans, null and unsigned
// values above INT64_MAX. Callers that accept more (digit strings, whole floats)
// build on it.
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

namespace scrapers {

std::optional<std::int64_t> json_int64(const nlohmann::json& value) noexcept;

}  // namespace scrapers
