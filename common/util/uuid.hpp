// UUID text checks (8-4-4-4-12 hex, any case), done before any SQL sees the value.
#pragma once

#include <string_view>

namespace scrapers {

bool is_uuid(std::string_view text);

}  // namespace scrapers
