#include "scrapers/chereads/fragment_text.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

#include "common/html/document.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::chereads::detail {
namespace {

constexpr std::string_view kOpen = "<p>";
constexpr std::string_view kClose = "</p>";
// Tags without attributes that change no text around them: no block, no drop, no
// raw text; a formatting element left open is only re-opened (without attributes)
// in the next fragment, which changes no text either.
constexpr std::array<std::string_view, 11> kInertTags{"<p>", "</p>", "<em>",     "</em>",     "<i>", "</i>",
                                                      "<b>", "</b>", "<strong>", "</strong>", "<br>"};

// Text gumbo hands over verbatim and text() only collapses: no markup, reference or
// control byte other than tab and newline.
bool plain_text(std::string_view s) noexcept {
  for (const char c : s) {
    if (c == '<' || c == '&' || (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')) return false;
  }
  return true;
}

// True when the fragment's text cannot depend on the fragments around it: only text,
// character references and the inert tags (no control byte but tab and newline).
bool self_contained(std::string_view s) noexcept {
  std::size_t pos = 0;
  while ((pos = s.find_first_of("<", pos)) != std::string_view::npos) {
    const std::string_view rest = s.substr(pos);
    const auto tag = std::find_if(kInertTags.begin(), kInertTags.end(),
                                  [rest](std::string_view t) { return rest.starts_with(t); });
    if (tag == kInertTags.end()) return false;
    pos += tag->size();
  }
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n'; });
}

// Appends s with its ASCII whitespace runs collapsed to one space and trimmed, then a
// line break (what HtmlNode::text gives for a <p> of plain text).
void append_line(std::string& out, std::string_view s) {
  bool pending_space = false;
  bool started = false;
  for (const char c : s) {
    if (text::is_ascii_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) out.push_back(' ');
    out.push_back(c);
    pending_space = false;
    started = true;
  }
  out.push_back('\n');
}

// The lines of a fragment made only of "<p>plain text</p>" items (whitespace between
// them allowed); nullopt when it is anything else.
std::optional<std::string> plain_paragraph_lines(std::string_view fragment) {
  std::string out;
  std::string_view rest = text::trim(fragment);
  if (rest.empty()) return std::nullopt;
  while (!rest.empty()) {
    if (!rest.starts_with(kOpen)) return std::nullopt;
    const std::size_t close = rest.find(kClose);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view body = rest.substr(kOpen.size(), close - kOpen.size());
    if (!plain_text(body)) return std::nullopt;
    append_line(out, body);
    rest = text::trim(rest.substr(close + kClose.size()));
  }
  return out;
}

Result<std::vector<std::string>> paragraphs_through_dom(const std::vector<std::string_view>& fragments,
                                                        std::string_view page_url) {
  std::string joined;
  for (const std::string_view fragment : fragments) joined.append("<div>").append(fragment).append("</div>\n");
  // Chapter text, not a response: no challenge check (a novel may quote a marker).
  html::ParseOptions options;
  options.invalid_bytes = text::InvalidBytes::replace;
  auto document = html::HtmlDocument::parse(std::move(joined), {}, options);
  if (!document.ok()) {
    Error error = std::move(document).error();
    if (error.context.empty()) error.context = std::string(page_url);
    return error;
  }
  return split_paragraphs(document->root().text(content_text_options()));
}

// Each fragment on its own: plain ones by the scan, self-contained ones through gumbo;
// all of them through gumbo together when any fragment could affect the others.
Result<std::vector<std::string>> paragraphs_by_fragment(const std::vector<std::string_view>& fragments,
                                                        std::string_view page_url) {
  std::vector<std::optional<std::string>> plain;
  for (const std::string_view fragment : fragments) {
    plain.push_back(plain_paragraph_lines(fragment));
    if (!plain.back() && !self_contained(fragment)) return paragraphs_through_dom(fragments, page_url);
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (plain[i]) {
      const auto lines = split_paragraphs(*plain[i]);
      out.insert(out.end(), lines.begin(), lines.end());
      continue;
    }
    auto lines = paragraphs_through_dom({fragments[i]}, page_url);
    if (!lines.ok()) return lines;
    std::move(lines->begin(), lines->end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace

html::TextOptions content_text_options() {
  html::TextOptions options;
  options.drop_ads = true;
  options.drop.push_back(html::cached_selector("iframe, .ad, .advertisement, h1, h2, h3"));
  return options;
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text::trim(text.substr(pos, end - pos));
    if (!line.empty()) out.emplace_back(line);
    pos = end + 1;
  }
  return out;
}

Result<std::vector<std::string>> fragment_paragraphs(const nlohmann::json& info, std::string_view page_url,
                                                     html::ParsePath path) {
  const auto contents = info.find("contents");
  if (contents == info.end() || !contents->is_array()) return std::vector<std::string>{};
  std::vector<std::string_view> fragments;
  for (const nlohmann::json& item : *contents) {
    const nlohmann::json* content = item.is_object() && item.contains("content") ? &item.at("content") : &item;
    if (content->is_string()) fragments.emplace_back(content->get_ref<const std::string&>());
  }
  if (fragments.empty()) return std::vector<std::string>{};
  if (path == html::ParsePath::dom_only) return paragraphs_through_dom(fragments, page_url);
  return paragraphs_by_fragment(fragments, page_url);
}

}  // namespace scrapers::chereads::detail
