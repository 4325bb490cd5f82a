#include "common/html/script_json.hpp"

#include "common/text/digits.hpp"
#include "common/util/layout_error.hpp"

namespace scrapers::html {
namespace {

std::string join_selectors(std::initializer_list<std::string_view> selectors) {
  std::string out;
  for (const std::string_view s : selectors) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

std::string shown_path(std::string_view walked) {
  return walked.empty() ? std::string("the root") : "'" + std::string(walked) + "'";
}

Result<const nlohmann::json*> step(const nlohmann::json& node, std::string_view key, std::string_view walked,
                                   std::string_view path) {
  if (node.is_object()) {
    const auto it = node.find(std::string(key));
    if (it == node.end()) {
      return make_error(ErrorKind::missing_field,
                        "missing key '" + std::string(key) + "' under " + shown_path(walked), std::string(path));
    }
    return &*it;
  }
  if (node.is_array()) {
    const auto index = text::parse_uint64(key);
    if (!index) {
      return make_error(ErrorKind::missing_field,
                        "expected an array index, got '" + std::string(key) + "' under " + shown_path(walked),
                        std::string(path));
    }
    if (*index >= node.size()) {
      return make_error(ErrorKind::missing_field,
                        "index " + std::string(key) + " out of range under " + shown_path(walked) + " (size " +
                            std::to_string(node.size()) + ")",
                        std::string(path));
    }
    return &node[static_cast<std::size_t>(*index)];
  }
  return make_error(ErrorKind::missing_field,
                    "cannot look up '" + std::string(key) + "': " + shown_path(walked) + " is " +
                        node.type_name() + ", not an object or array",
                    std::string(path));
}

}  // namespace

Result<nlohmann::json> parse_json(std::string_view text, std::string_view context) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return make_error(ErrorKind::parse, "empty JSON", std::string(context));
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double (found by fuzzing).
    return make_error(ErrorKind::parse, std::string("malformed JSON: ") + e.what(), std::string(context));
  }
}

Result<nlohmann::json> extract_script_json(const HtmlDocument& document,
                                           std::initializer_list<std::string_view> selectors) {
  for (const std::string_view selector : selectors) {
    if (const auto script = document.select_first(selector)) {
      return parse_json(script->raw_text(), selector);
    }
  }
  return layout_not_recognised("no embedded JSON: none of " + join_selectors(selectors) + " is present");
}

Result<const nlohmann::json*> json_at(const nlohmann::json& root, std::string_view dotted_path) {
  const nlohmann::json* node = &root;
  std::size_t pos = 0;
  while (pos < dotted_path.size()) {
    std::size_t dot = dotted_path.find('.', pos);
    if (dot == std::string_view::npos) dot = dotted_path.size();
    const std::string_view key = dotted_path.substr(pos, dot - pos);
    const std::string_view walked = dotted_path.substr(0, pos == 0 ? 0 : pos - 1);
    auto next = step(*node, key, walked, dotted_path);
    if (!next) return next;
    node = *next;
    pos = dot + 1;
  }
  return node;
}

Result<std::string> json_id_string(const nlohmann::json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
    return std::to_string(value.get<std::int64_t>());
  if (value.is_string() && text::is_digit_string(value.get_ref<const std::string&>(), 40)) {
    return value.get<std::string>();
  }
  return make_error(ErrorKind::parse, "not an exact id (non-negative integer or digit string): " + value.dump());
}

}  // namespace scrapers::html
