// Internal: lookup in the named character reference table (see entity_table.cpp).
#pragma once

#include <optional>
#include <string_view>

namespace scrapers::text::detail {

// The code point for a reference name without '&' and ';' (case-sensitive), if known.
std::optional<char32_t> lookup_named_entity(std::string_view name) noexcept;

}  // namespace scrapers::text::detail
