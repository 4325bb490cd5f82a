#include "scrapers/readnovel/body_checks.hpp"

#include "common/html/script_json.hpp"
#include "common/text/ascii.hpp"
#include "common/text/challenge.hpp"
#include "common/text/entities.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"
#include "scrapers/readnovel/parse.hpp"

namespace scrapers::readnovel::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kSniffBytes = 64 * 1024;

// Case-insensitive search for an ASCII needle in the first kSniffBytes of hay.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from = 0) noexcept {
  return text::find_ascii_icase(hay.substr(0, kSniffBytes), needle, from);
}

bool contains_ci(std::string_view hay, std::string_view needle) noexcept {
  return find_ci(hay, needle) != std::string_view::npos;
}

// The text of the first <title>, entity-decoded and shortened for a message.
std::string html_title(std::string_view body) {
  const std::size_t open = find_ci(body, "<title");
  if (open == std::string_view::npos) return {};
  const std::size_t start = body.find('>', open);
  if (start == std::string_view::npos) return {};
  const std::size_t end = find_ci(body, "</title>", start);
  if (end == std::string_view::npos) return {};
  return clean_title_text(text::decode_entities(body.substr(start + 1, end - start - 1)), 120);
}

Error html_instead_of_json(std::string_view body, std::string_view url, std::string_view what) {
  if (contains_ci(body, "Django REST framework") || contains_ci(body, "/rest_framework/")) {
    return make_error(ErrorKind::bad_content_type,
                      std::string(what) +
                          ": got Django REST framework's browsable API page (HTML) instead of JSON; "
                          "the request must send Accept: application/json",
                      std::string(url));
  }
  std::string message = std::string(what) + ": got an HTML page instead of JSON";
  if (const std::string title = html_title(body); !title.empty()) {
    message += " (title \"" + title + "\")";
  }
  return make_error(ErrorKind::bad_content_type, std::move(message), std::string(url));
}

}  // namespace

bool looks_like_html(std::string_view body) noexcept {
  if (body.substr(0, kBom.size()) == kBom) body.remove_prefix(kBom.size());
  const std::size_t first = body.find_first_not_of(" \t\r\n\f");
  return first != std::string_view::npos && body[first] == '<';
}

bool looks_like_challenge(std::string_view body) noexcept { return text::body_has_challenge_marker(body); }

Error challenge_error(std::string_view url) {
  Error error = make_error(ErrorKind::blocked,
                           "blocked by an anti-bot challenge (Cloudflare \"Just a moment...\" page)",
                           std::string(url));
  return error;
}

Result<nlohmann::json> read_json_body(std::string_view body, std::string_view url, std::string_view what) {
  if (body.size() > kMaxJsonBodyBytes) {
    return make_error(ErrorKind::too_large,
                      std::string(what) + ": body of " + std::to_string(body.size()) +
                          " bytes is above the limit of " + std::to_string(kMaxJsonBodyBytes),
                      std::string(url));
  }
  if (text::trim(body).empty()) {
    return make_error(ErrorKind::parse, std::string(what) + ": empty body instead of JSON", std::string(url));
  }
  if (looks_like_challenge(body)) return challenge_error(url);
  if (looks_like_html(body)) return html_instead_of_json(body, url, what);
  const std::string utf8 = text::is_valid_utf8(body) ? std::string(body) : text::repair_utf8(body);
  auto parsed = html::parse_json(utf8, url);
  if (!parsed.ok()) {
    Error error = std::move(parsed).error();
    error.message = std::string(what) + ": malformed JSON: " + error.message;
    return error;
  }
  return std::move(parsed).value();
}

std::string json_type_name(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number_integer()) return "an integer";
  if (value.is_number_float()) return "a fractional number";
  if (value.is_string()) return "a string";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "an unsupported value";
}

std::string clean_title_text(std::string_view raw, std::size_t max_bytes) {
  std::string title = text::collapse_whitespace(text::repair_utf8(raw), true);
  if (title.size() > max_bytes) {
    title.resize(text::utf8_prefix_length(title, max_bytes));
    title = std::string(text::trim(title));
  }
  return title;
}

}  // namespace scrapers::readnovel::detail
