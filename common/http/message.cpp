#include "common/http/message.hpp"

#include <algorithm>
#include <cctype>

namespace scrapers::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

bool header_name_equals(std::string_view a, std::string_view b) { return iequals(a, b); }

void Headers::add(std::string name, std::string value) {
  entries.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
  remove(name);
  add(std::move(name), std::move(value));
}

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : entries) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

std::vector<std::string> Headers::get_all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : entries) {
    if (iequals(key, name)) values.push_back(value);
  }
  return values;
}

void Headers::remove(std::string_view name) {
  std::erase_if(entries, [&](const auto& entry) { return iequals(entry.first, name); });
}

std::string Response::content_type() const {
  const auto value = headers.get("Content-Type");
  if (!value) return {};
  std::string media = trim(std::string_view(*value).substr(0, value->find(';')));
  std::transform(media.begin(), media.end(), media.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return media;
}

}  // namespace scrapers::http
