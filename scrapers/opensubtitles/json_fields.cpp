#include "scrapers/opensubtitles/json_fields.hpp"

#include <cmath>
#include <limits>

#include "common/text/digits.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/json_number.hpp"
#include "common/util/layout_error.hpp"

namespace scrapers::opensubtitles::detail {

const nlohmann::json* member(const nlohmann::json* object, std::string_view key) noexcept {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto it = object->find(key);
  if (it == object->end() || it->is_null()) return nullptr;
  return &*it;
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept {
  return member(&object, key);
}

std::optional<std::string> string_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

std::optional<std::int64_t> as_int(const nlohmann::json& value) {
  if (value.is_number_integer()) return json_int64(value);
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (value.is_string()) {
    const auto parsed = text::parse_uint64(text::trim(value.get_ref<const std::string&>()));
    if (!parsed || *parsed > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(*parsed);
  }
  return std::nullopt;
}

std::optional<std::int64_t> int_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  return as_int(*value);
}

std::optional<bool> bool_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_number_integer()) {
    const auto i = as_int(*value);
    if (i == 0) return false;
    if (i == 1) return true;
  }
  return std::nullopt;
}

std::optional<double> number_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

Result<nlohmann::json> parse_api_object(std::string_view body, std::string_view what) {
  const std::string_view trimmed = text::trim(body);
  if (trimmed.empty()) {
    return make_error(ErrorKind::parse, "empty " + std::string(what));
  }
  if (trimmed.front() == '<') {
    return make_error(ErrorKind::bad_content_type, "HTML instead of JSON in the " + std::string(what));
  }
  auto json = nlohmann::json::parse(trimmed, nullptr, false);
  if (json.is_discarded()) {
    return make_error(ErrorKind::parse, "malformed JSON in the " + std::string(what));
  }
  if (!json.is_object()) {
    return layout_not_recognised(std::string(what) + " is not a JSON object");
  }
  return json;
}

}  // namespace scrapers::opensubtitles::detail
