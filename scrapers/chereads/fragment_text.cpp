#include "scrapers/chereads/fragment_text.hpp"

#include <iterator>
#include <optional>

#include "common/html/document.hpp"
#include "common/html/inline_text.hpp"
#include "common/text/inline_html.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::chereads::detail {
namespace {

constexpr std::string_view kOpen = "<p>";
constexpr std::string_view kClose = "</p>";

// Text gumbo hands over verbatim: no markup, reference or control byte other than
// tab and newline.
bool plain_text(std::string_view s) noexcept {
  for (const char c : s) {
    if (c == '<' || c == '&' || (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')) return false;
  }
  return true;
}

// The paragraphs of a fragment made only of "<p>plain text</p>" items (whitespace
// between them allowed); nullopt when it is anything else.
std::optional<std::vector<std::string>> plain_paragraphs(std::string_view fragment) {
  std::vector<std::string> out;
  std::string_view rest = text::trim(fragment);
  if (rest.empty()) return std::nullopt;
  while (!rest.empty()) {
    if (!rest.starts_with(kOpen)) return std::nullopt;
    const std::size_t close = rest.find(kClose);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view body = rest.substr(kOpen.size(), close - kOpen.size());
    if (!plain_text(body)) return std::nullopt;
    if (std::string paragraph = text::inline_html_from_text(body); !paragraph.empty()) {
      out.push_back(std::move(paragraph));
    }
    rest = text::trim(rest.substr(close + kClose.size()));
  }
  return out;
}

// One fragment through gumbo, on its own.
Result<std::vector<std::string>> paragraphs_through_dom(std::string_view fragment, std::string_view page_url) {
  std::string wrapped;
  wrapped.append("<div>").append(fragment).append("</div>");
  // Chapter text, not a response: no challenge check (a novel may quote a marker).
  html::ParseOptions options;
  options.invalid_bytes = text::InvalidBytes::replace;
  auto document = html::HtmlDocument::parse(std::move(wrapped), {}, options);
  if (!document.ok()) {
    Error error = std::move(document).error();
    if (error.context.empty()) error.context = std::string(page_url);
    return error;
  }
  return node_paragraphs(document->root());
}

}  // namespace

html::TextOptions content_text_options() {
  html::TextOptions options;
  options.drop_ads = true;
  options.drop.push_back(html::cached_selector("iframe, .ad, .advertisement, h1, h2, h3"));
  return options;
}

std::vector<std::string> node_paragraphs(const html::HtmlNode& node) {
  return html::inline_paragraphs(node, content_text_options());
}

Result<std::vector<std::string>> fragment_paragraphs(const nlohmann::json& info, std::string_view page_url,
                                                     html::ParsePath path) {
  std::vector<std::string> out;
  const auto contents = info.find("contents");
  if (contents == info.end() || !contents->is_array()) return out;
  for (const nlohmann::json& item : *contents) {
    const nlohmann::json* content = item.is_object() && item.contains("content") ? &item.at("content") : &item;
    if (!content->is_string()) continue;
    const std::string_view fragment = content->get_ref<const std::string&>();
    std::optional<std::vector<std::string>> paragraphs;
    if (path == html::ParsePath::scan_first) paragraphs = plain_paragraphs(fragment);
    if (!paragraphs) {
      auto parsed = paragraphs_through_dom(fragment, page_url);
      if (!parsed.ok()) return std::move(parsed).error();
      paragraphs = std::move(parsed).value();
    }
    std::move(paragraphs->begin(), paragraphs->end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace scrapers::chereads::detail
