#include "common/http/message.hpp"

#include <algorithm>

#include "common/text/ascii.hpp"

namespace scrapers::http {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

bool header_name_equals(std::string_view a, std::string_view b) { return text::iequals_ascii(a, b); }

void Headers::add(std::string name, std::string value) { entries.emplace_back(std::move(name), std::move(value)); }

void Headers::set(std::string name, std::string value) {
  remove(name);
  add(std::move(name), std::move(value));
}

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : entries) {
    if (text::iequals_ascii(key, name)) return value;
  }
  return std::nullopt;
}

std::vector<std::string> Headers::get_all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : entries) {
    if (text::iequals_ascii(key, name)) values.push_back(value);
  }
  return values;
}

void Headers::remove(std::string_view name) {
  std::erase_if(entries, [&](const auto& entry) { return text::iequals_ascii(entry.first, name); });
}

std::string Response::content_type_header() const { return headers.get("Content-Type").value_or(""); }

std::string Response::content_type() const {
  const auto value = headers.get("Content-Type");
  if (!value) return {};
  return text::to_ascii_lower(trim(std::string_view(*value).substr(0, value->find(';'))));
}

}  // namespace scrapers::http
