// parse_chapter_page: chapterInfo.contents[] of the embedded JSON first, the
// main#content HTML second; then watermark lines out, the heading-repeat rule and the
// length check.
#include <optional>
#include <utility>

#include "common/html/script_json.hpp"
#include "common/text/inline_html.hpp"
#include "common/text/watermark_line.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/layout_error.hpp"
#include "scrapers/chereads/fragment_text.hpp"
#include "scrapers/chereads/page_support.hpp"
#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;

constexpr std::string_view kNextData = "script#__NEXT_DATA__";
constexpr std::string_view kViteContext = "script#vite-plugin-ssr_pageContext";
constexpr std::string_view kContent = "main#content";
// A paragraph longer than this is prose, not a repeated heading.
constexpr std::size_t kMaxHeadingBytes = 200;
// At most this much may precede the "Ch…" of a repeated heading ("【", "Vol. 2 ").
constexpr std::size_t kMaxHeadingPrefixBytes = 16;

// The chapterInfo object of the embedded JSON, or null.
const json* chapter_info(const json& root) {
  const json* holder = detail::find_object_with(
      root, "chapterInfo", {"pageProps.pageData", "pageContext.pageProps.pageData", "props.pageProps.pageData"});
  if (holder == nullptr) return nullptr;
  const json& info = holder->at("chapterInfo");
  return info.is_object() ? &info : nullptr;
}

// Fills page from main#content; false when the page has none.
bool read_main_content(const html::HtmlDocument& document, ChapterPage& page) {
  const auto main = document.select_first(kContent);
  if (!main) return false;
  page.source = ContentSource::main_html;
  if (page.title.empty()) {
    auto h1 = main->select_first("h1");
    if (!h1) h1 = document.select_first("h1");
    if (h1) page.title = detail::clean_title(h1->text());
  }
  for (const html::HtmlNode& el : main->select("[class]")) {
    if (detail::class_marks_lock(el.attr("class").value_or(""))) {
      page.locked = true;
      return true;
    }
  }
  page.paragraphs = detail::node_paragraphs(*main);
  return true;
}

std::string without_stars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c != '*') out += c;
  }
  return std::string(text::trim(out));
}

// The heading a first paragraph repeats ("**Chapter 1: …**" -> "Chapter 1: …"), or
// nullopt: a short line whose first 'c' starts a chapter keyword with a number,
// equal to the title's chapter number when the title has one.
std::optional<std::string> repeated_heading(std::string_view paragraph, std::string_view title) {
  std::string line = without_stars(text::inline_plain_text(paragraph));
  if (line.empty() || line.size() > kMaxHeadingBytes) return std::nullopt;
  const std::size_t c = line.find_first_of("cC");
  if (c == std::string::npos || c > kMaxHeadingPrefixBytes) return std::nullopt;
  const auto number = detail::number_after_chapter_keyword(std::string_view(line).substr(c));
  if (!number) return std::nullopt;
  const auto title_number = detail::number_after_chapter_keyword(title);
  if (title_number && *title_number != *number) return std::nullopt;
  return line;
}

// Drops aggregator watermark lines (and paragraphs left empty), counting them.
void drop_watermarks(ChapterPage& page) {
  std::vector<std::string> kept;
  for (const std::string& paragraph : page.paragraphs) {
    std::string rest = text::without_lines(paragraph, text::is_watermark_line, &page.watermark_lines);
    if (!rest.empty()) kept.push_back(std::move(rest));
  }
  page.paragraphs = std::move(kept);
}

Result<ChapterPage> finish(ChapterPage page, std::string_view page_url) {
  if (page.locked) {
    page.paragraphs.clear();
    return page;
  }
  drop_watermarks(page);
  if (!page.paragraphs.empty()) {
    if (auto heading = repeated_heading(page.paragraphs.front(), page.title)) {
      page.paragraphs.erase(page.paragraphs.begin());
      page.heading_dropped = true;
      if (page.title.empty()) page.title = std::move(*heading);
    }
  }
  for (std::size_t i = 0; i < page.paragraphs.size(); ++i) {
    page.characters += detail::code_points(text::inline_plain_text(page.paragraphs[i])) + (i > 0 ? 1 : 0);
  }
  if (page.characters < kMinChapterCharacters) {
    return make_error(ErrorKind::missing_field,
                      "chapter text too short: " + std::to_string(page.characters) + " characters, at least " +
                          std::to_string(kMinChapterCharacters) + " required",
                      std::string(page_url));
  }
  return page;
}

// The title, lock and paragraphs of chapterInfo (finished when locked or not empty).
Result<ChapterPage> from_chapter_info(const json& info, std::string_view page_url, html::ParsePath path) {
  ChapterPage page;
  if (const auto name = info.find("chapterName"); name != info.end() && name->is_string()) {
    page.title = detail::clean_title(name->get_ref<const std::string&>());
  }
  if (detail::json_marks_locked(info)) {
    page.locked = true;
    return finish(std::move(page), page_url);
  }
  auto paragraphs = detail::fragment_paragraphs(info, page_url, path);
  if (!paragraphs.ok()) return std::move(paragraphs).error();
  page.paragraphs = std::move(paragraphs).value();
  if (page.paragraphs.empty()) return page;
  return finish(std::move(page), page_url);
}

// The DOM path: the embedded JSON first, main#content second.
Result<ChapterPage> from_document(const html::HtmlDocument& document, std::string_view page_url,
                                  html::ParsePath path) {
  const auto root = html::extract_script_json(document, {kNextData, kViteContext});
  const json* info = root.ok() ? chapter_info(root.value()) : nullptr;
  ChapterPage page;
  if (info != nullptr) {
    auto read = from_chapter_info(*info, page_url, path);
    if (!read.ok() || read->locked || !read->paragraphs.empty()) return read;
    page = std::move(read).value();
  }
  if (!read_main_content(document, page) && info == nullptr) {
    std::string why = root.ok() ? "embedded JSON has no chapterInfo" : root.error().message;
    return layout_not_recognised("chapter page: " + std::string(without_layout_phrase(why)) + "; no " +
                                     std::string(kContent) + " element",
                                 std::string(page_url));
  }
  return finish(std::move(page), page_url);
}

}  // namespace

std::string_view to_string(ContentSource source) {
  return source == ContentSource::embedded_json ? "embedded JSON" : "main#content HTML";
}

Result<ChapterPage> parse_chapter_page(std::string_view body, std::string_view page_url,
                                       std::string_view content_type, html::ParsePath path) {
  auto scanned = detail::scan_page(body, page_url, content_type, path);
  if (!scanned.ok()) return std::move(scanned).error();
  // The fast path: the chapter read from the embedded JSON without building a DOM.
  if (auto root = scanned->script_json({kNextData, kViteContext}); root && root->ok()) {
    if (const json* info = chapter_info(root->value())) {
      auto page = from_chapter_info(*info, page_url, path);
      if (!page.ok() || page->locked || !page->paragraphs.empty()) return page;
    }
  }
  auto document = detail::to_document(std::move(scanned).value(), page_url);
  if (!document.ok()) return std::move(document).error();
  return from_document(*document, page_url, path);
}

}  // namespace scrapers::chereads
