// parse_chapter_json and parse_chapter_page (see parse.hpp).
#include "common/html/document.hpp"
#include "common/html/scanned_page.hpp"
#include "common/html/script_json.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/json_number.hpp"
#include "common/util/layout_error.hpp"
#include "scrapers/readnovel/body_checks.hpp"
#include "scrapers/readnovel/parse.hpp"

namespace scrapers::readnovel {
namespace {

using nlohmann::json;

constexpr std::string_view kNextDataSelector = "script#__NEXT_DATA__";
constexpr std::string_view kQueriesPath = "props.pageProps.dehydratedState.queries";

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

bool has_text(const json& data) {
  const json* text = member(data, "text");
  return text != nullptr && text->is_string() && !text::trim(text->get_ref<const std::string&>()).empty();
}

ChapterContent content_from_object(const json& data, ContentSource source) {
  ChapterContent content;
  content.source = source;
  content.text = data.at("text").get<std::string>();
  if (const json* title = member(data, "title"); title != nullptr && title->is_string()) {
    content.title = detail::clean_title_text(title->get_ref<const std::string&>(), kMaxTitleBytes);
  }
  if (const json* index = member(data, "index"); index != nullptr) content.index = json_int64(*index);
  return content;
}

// DRF's {"detail": "..."} answers: 404 "Not found.", 429 "Request was throttled...".
Error detail_error(const std::string& detail, std::string_view url) {
  const std::string shown = detail::clean_title_text(detail, 200);
  if (shown.rfind("Not found", 0) == 0) {
    return make_error(ErrorKind::not_found, "chapter content: the API has no such chapter (\"" + shown + "\")",
                      std::string(url));
  }
  if (shown.find("throttled") != std::string::npos) {
    Error error = make_error(ErrorKind::http_status, "chapter content: rate limited (\"" + shown + "\")",
                             std::string(url));
    error.http_status = 429;
    return error;
  }
  return make_error(ErrorKind::missing_field, "chapter content: no 'text', the API says \"" + shown + "\"",
                    std::string(url));
}

// The chapter from __NEXT_DATA__; nullopt when the page has none; an error for
// Next.js's own 404 page.
Result<std::optional<ChapterContent>> from_next_data(const Result<json>& root, std::string_view url,
                                                     std::string& note) {
  if (!root.ok()) {
    if (root.error().kind == ErrorKind::parse) note = "; __NEXT_DATA__ is not valid JSON";
    return std::optional<ChapterContent>{};
  }
  if (const json* page = member(root.value(), "page"); page != nullptr && page->is_string()) {
    const auto& name = page->get_ref<const std::string&>();
    if (name == "/404" || name == "/_error") {
      return make_error(ErrorKind::not_found, "chapter page: the site answered with its \"" + name + "\" page",
                        std::string(url));
    }
  }
  auto queries = html::json_at(root.value(), kQueriesPath);
  if (!queries.ok() || !queries.value()->is_array()) return std::optional<ChapterContent>{};
  for (const json& query : *queries.value()) {
    const json* state = member(query, "state");
    const json* data = state != nullptr ? member(*state, "data") : nullptr;
    if (data != nullptr && has_text(*data)) {
      return std::optional<ChapterContent>(content_from_object(*data, ContentSource::next_data));
    }
  }
  note = "; __NEXT_DATA__ has no dehydrated query with chapter text";
  return std::optional<ChapterContent>{};
}

// The chapter from the #chapterText elements (one per line), nullopt without any.
std::optional<ChapterContent> from_dom(const html::HtmlDocument& document) {
  const std::vector<html::HtmlNode> lines = document.select("#chapterText");
  if (lines.empty()) return std::nullopt;
  ChapterContent content;
  content.source = ContentSource::page_dom;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) content.text += '\n';
    content.text += lines[i].text();
  }
  if (text::trim(content.text).empty()) return std::nullopt;
  if (const auto heading = document.select_first("h1")) {
    content.title = detail::clean_title_text(heading->text(), kMaxTitleBytes);
  }
  return content;
}

Error with_url(Error error, std::string_view url) {
  if (error.context.empty()) error.context = std::string(url);
  return error;
}

// The chapter of a from_next_data answer that has one (or its error).
Result<ChapterContent> unwrap(Result<std::optional<ChapterContent>> next) {
  if (!next.ok()) return std::move(next).error();
  return std::move(*next.value());
}

}  // namespace

std::string_view to_string(ContentSource source) {
  switch (source) {
    case ContentSource::api_json: return "api_json";
    case ContentSource::next_data: return "next_data";
    case ContentSource::page_dom: return "page_dom";
  }
  return "unknown";
}

Result<ChapterContent> parse_chapter_json(std::string_view body, std::string_view url) {
  auto parsed = detail::read_json_body(body, url, "chapter content");
  if (!parsed.ok()) return std::move(parsed).error();
  const json& root = parsed.value();
  if (!root.is_object()) {
    return layout_not_recognised("chapter content: expected a JSON object, got " + detail::json_type_name(root),
                                 std::string(url));
  }
  const json* text = member(root, "text");
  if (text == nullptr) {
    const json* detail_value = member(root, "detail");
    if (detail_value != nullptr && detail_value->is_string()) {
      return detail_error(detail_value->get<std::string>(), url);
    }
    return make_error(ErrorKind::missing_field, "chapter content: missing 'text'", std::string(url));
  }
  if (!text->is_string()) {
    return make_error(ErrorKind::missing_field,
                      "chapter content: 'text' is " + detail::json_type_name(*text) + ", expected a string",
                      std::string(url));
  }
  return content_from_object(root, ContentSource::api_json);
}

Result<ChapterContent> parse_chapter_page(std::string_view body, std::string_view url,
                                          std::string_view content_type, html::ParsePath path) {
  if (body.size() > kMaxBodyBytes) {
    return make_error(ErrorKind::too_large,
                      "chapter page: body of " + std::to_string(body.size()) + " bytes is above the limit of " +
                          std::to_string(kMaxBodyBytes),
                      std::string(url));
  }
  if (detail::looks_like_challenge(body)) return detail::challenge_error(url);
  html::ParseOptions options;
  options.invalid_bytes = text::InvalidBytes::replace;
  options.path = path;
  auto scanned = html::ScannedPage::read(std::string(body), content_type, options);
  if (!scanned.ok()) return with_url(std::move(scanned).error(), url);

  std::string note;
  // The fast path: __NEXT_DATA__ read from the pre-scan, no DOM built when it holds the chapter.
  auto root = scanned->script_json({kNextDataSelector});
  if (root) {
    auto next = from_next_data(*root, url, note);
    if (!next.ok() || next.value()) return unwrap(std::move(next));
  }
  auto document = std::move(scanned).value().into_document();
  if (!document.ok()) return with_url(std::move(document).error(), url);
  if (!root) {
    auto next = from_next_data(html::extract_script_json(document.value(), {kNextDataSelector}), url, note);
    if (!next.ok() || next.value()) return unwrap(std::move(next));
  }
  if (auto dom = from_dom(document.value())) return std::move(*dom);
  return layout_not_recognised(
      "chapter page: no chapter text in script#__NEXT_DATA__ "
      "(props.pageProps.dehydratedState.queries[].state.data.text) and no #chapterText "
      "elements" +
          note,
      std::string(url));
}

}  // namespace scrapers::readnovel
