// parse_chapter_list: the novel page's embedded JSON first, the rendered list second,
// then one numbering/filtering pass shared by both sources.
#include <algorithm>
#include <optional>
#include <utility>

#include "common/html/script_json.hpp"
#include "common/text/ascii.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/layout_error.hpp"
#include "scrapers/chereads/list_numbering.hpp"
#include "scrapers/chereads/page_support.hpp"
#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;

constexpr std::string_view kNextData = "script#__NEXT_DATA__";
constexpr std::string_view kViteContext = "script#vite-plugin-ssr_pageContext";
// Class-name prefixes of the CSS modules; the hashed suffixes change with every build.
constexpr std::string_view kListItems =
    "[class^=\"ChapterItems_list__\"] li, [class*=\" ChapterItems_list__\"] li";
constexpr std::string_view kNumber = "[class*=\"styles_num__\"]";

using detail::clean_title;
using detail::RawItem;

std::optional<std::string> index_text(const json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_string()) return std::string(text::trim(value.get_ref<const std::string&>()));
  return std::nullopt;
}

RawItem raw_from_json(const json& item, std::size_t position, std::string_view base, std::string_view book_id) {
  RawItem raw;
  const std::string where = "chapter item " + std::to_string(position + 1);
  if (!item.is_object()) {
    raw.invalid = where + " is " + item.type_name() + ", not an object";
    return raw;
  }
  if (const auto name = item.find("chapterName"); name != item.end() && name->is_string()) {
    raw.title = clean_title(name->get_ref<const std::string&>());
  } else {
    raw.invalid = where + ": 'chapterName' is missing or not a string";
  }
  const auto id_field = item.find("chapterId");
  auto id = id_field == item.end() ? Result<std::string>(make_error(ErrorKind::missing_field, "missing"))
                                   : html::json_id_string(*id_field);
  if (!id.ok()) {
    raw.invalid = where + ": 'chapterId' is not an exact id (" + id.error().message + ")";
  } else {
    raw.chapter_id = std::move(id).value();
    raw.url = chapter_url(base, book_id, raw.chapter_id);
  }
  if (const auto index = item.find("chapterIndex"); index != item.end()) raw.index_text = index_text(*index);
  raw.locked = detail::json_marks_locked(item);
  return raw;
}

std::string json_book_id(const json& data, std::string_view page_url) {
  if (const auto id = html::json_at(data, "bookInfo.bookId"); id.ok()) {
    if (auto text = html::json_id_string(*id.value()); text.ok()) return std::move(text).value();
  }
  return detail::book_id_from_url(page_url).value_or(std::string());
}

struct Extracted {
  std::string book_id;
  std::string book_name;
  std::vector<RawItem> items;
};

Result<Extracted> items_from_json(const json& data, std::string_view page_url) {
  const json& volumes = data.at("volumeItems");
  if (!volumes.is_array()) {
    return layout_not_recognised(std::string("'volumeItems' is ") + volumes.type_name() + ", not an array",
                                 std::string(page_url));
  }
  Extracted out;
  out.book_id = json_book_id(data, page_url);
  if (out.book_id.empty()) {
    return make_error(ErrorKind::missing_field, "no book id in bookInfo.bookId or the URL", std::string(page_url));
  }
  if (const auto name = json::json_pointer("/bookInfo/bookName"); data.contains(name) && data[name].is_string()) {
    out.book_name = clean_title(data[name].get_ref<const std::string&>());
  }
  const std::string base = detail::site_base(page_url);
  for (const json& volume : volumes) {
    if (!volume.is_object()) continue;
    const auto chapters = volume.find("chapterItems");
    if (chapters == volume.end() || !chapters->is_array()) continue;
    for (const json& item : *chapters) {
      out.items.push_back(raw_from_json(item, out.items.size(), base, out.book_id));
    }
  }
  return out;
}

bool item_marks_lock(const html::HtmlNode& item) {
  for (const html::HtmlNode& el : item.select("[class], [aria-label]")) {
    if (detail::class_marks_lock(el.attr("class").value_or(""))) return true;
    const std::string label = text::to_ascii_lower(el.attr("aria-label").value_or(""));
    if (label.find("lock") != std::string::npos && label.find("unlock") == std::string::npos) return true;
  }
  return false;
}

RawItem raw_from_html(const html::HtmlNode& item, std::size_t position, std::string_view page_url,
                      std::string_view base, std::string* book_id) {
  RawItem raw;
  const auto link = item.select_first("a[href]");
  if (!link) {
    raw.invalid = "list item " + std::to_string(position + 1) + " has no link";
    raw.title = clean_title(item.text());
    return raw;
  }
  const std::string href(text::trim(link->attr("href").value_or("")));
  if (const auto ids = detail::chapter_link_ids(href)) {
    if (book_id->empty()) *book_id = ids->book_id;
    raw.chapter_id = ids->chapter_id;
    raw.url = chapter_url(base, ids->book_id, ids->chapter_id);
  } else {
    raw.url = detail::resolve_href(page_url, href);
  }
  if (const auto number = item.select_first(kNumber)) {
    std::string shown = text::collapse_whitespace(number->text());
    shown.erase(std::remove(shown.begin(), shown.end(), '#'), shown.end());
    raw.index_text = std::string(text::trim(shown));
  }
  if (const auto strong = item.select_first("strong")) raw.title = clean_title(strong->text());
  if (raw.title.empty()) raw.title = clean_title(link->attr("title").value_or(""));
  if (raw.title.empty()) raw.title = clean_title(link->text());
  raw.locked = item_marks_lock(item);
  return raw;
}

Result<Extracted> items_from_html(const html::HtmlDocument& document, std::string_view page_url) {
  const auto items = document.select(kListItems);
  if (items.empty()) {
    return layout_not_recognised("nothing matches " + std::string(kListItems), std::string(page_url));
  }
  Extracted out;
  out.book_id = detail::book_id_from_url(page_url).value_or(std::string());
  if (const auto h1 = document.select_first("h1")) out.book_name = clean_title(h1->text());
  const std::string base = detail::site_base(page_url);
  for (const html::HtmlNode& item : items) {
    out.items.push_back(raw_from_html(item, out.items.size(), page_url, base, &out.book_id));
  }
  return out;
}

ChapterList finish(Extracted extracted, ListSource source) {
  ChapterList list = detail::build_chapter_list(std::move(extracted.items));
  list.book_id = std::move(extracted.book_id);
  list.book_name = std::move(extracted.book_name);
  list.source = source;
  return list;
}

// The list from the embedded JSON, or why there is none.
Result<ChapterList> list_from_json(const Result<json>& root, std::string_view page_url) {
  if (!root.ok()) return root.error();
  const json* data = detail::find_object_with(
      *root, "volumeItems", {"props.pageProps.data", "pageProps.data", "pageContext.pageProps.data"});
  if (data == nullptr) {
    return layout_not_recognised("embedded JSON has no volumeItems", std::string(page_url));
  }
  auto extracted = items_from_json(*data, page_url);
  if (!extracted.ok()) return std::move(extracted).error();
  if (extracted->items.empty()) {
    return layout_not_recognised("embedded JSON lists no chapter items", std::string(page_url));
  }
  return finish(std::move(extracted).value(), ListSource::embedded_json);
}

}  // namespace

Result<ChapterList> parse_chapter_list(std::string_view body, std::string_view page_url,
                                       std::string_view content_type, html::ParsePath path) {
  auto scanned = detail::scan_page(body, page_url, content_type, path);
  if (!scanned.ok()) return std::move(scanned).error();
  // The fast path: the list read from the embedded JSON without building a DOM.
  if (const auto root = scanned->script_json({kNextData, kViteContext})) {
    if (auto from_json = list_from_json(*root, page_url); from_json.ok()) return from_json;
  }
  auto document = detail::to_document(std::move(scanned).value(), page_url);
  if (!document.ok()) return std::move(document).error();
  auto from_json = list_from_json(html::extract_script_json(*document, {kNextData, kViteContext}), page_url);
  if (from_json.ok()) return from_json;
  auto from_html = items_from_html(*document, page_url);
  if (from_html.ok()) return finish(std::move(from_html).value(), ListSource::list_html);
  return layout_not_recognised("chapter list: " + std::string(without_layout_phrase(from_json.error().message)) +
                                   "; " + std::string(without_layout_phrase(from_html.error().message)),
                               std::string(page_url));
}

std::string_view to_string(ListSource source) {
  return source == ListSource::embedded_json ? "embedded JSON" : "chapter-list HTML";
}

std::string_view to_string(SkipReason reason) {
  switch (reason) {
    case SkipReason::not_a_chapter: return "not a chapter";
    case SkipReason::no_number: return "no chapter number";
    case SkipReason::below_one: return "number below 1";
    case SkipReason::duplicate_number: return "duplicate number";
    case SkipReason::invalid_item: return "invalid item";
  }
  return "unknown";
}

std::size_t ChapterList::locked_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(chapters.begin(), chapters.end(), [](const ChapterRef& c) { return c.locked; }));
}

std::string chapter_url(std::string_view base, std::string_view book_id, std::string_view chapter_id) {
  while (base.ends_with('/')) base.remove_suffix(1);
  std::string url(base);
  url.append("/novel/").append(book_id).append("/").append(chapter_id);
  return url;
}

}  // namespace scrapers::chereads
