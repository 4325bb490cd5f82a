#include "scrapers/chereads/page_support.hpp"

#include <array>
#include <cstddef>
#include <deque>
#include <utility>

#include "common/html/script_json.hpp"
#include "common/text/ascii.hpp"
#include "common/text/challenge.hpp"
#include "common/text/digits.hpp"
#include "common/text/entities.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/json_number.hpp"
#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads {

bool looks_like_challenge(std::string_view body) noexcept { return text::body_has_challenge_marker(body); }

}  // namespace scrapers::chereads

namespace scrapers::chereads::detail {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Offset of the path in an absolute URL ("https://host:1/p?q" -> 13), npos without "://".
std::size_t path_start(std::string_view url) noexcept {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string_view::npos;
  const std::size_t end = url.find_first_of("/?#", scheme + 3);
  return end == std::string_view::npos ? url.size() : end;
}

std::string_view path_of(std::string_view url) noexcept {
  const std::size_t start = path_start(url);
  if (start == std::string_view::npos) return {};
  const std::string_view rest = url.substr(start);
  return rest.substr(0, rest.find_first_of("?#"));
}

// Offset in path of the first "/novel/" or "/chapterlist/" segment, npos if none.
std::size_t book_segment(std::string_view path, std::size_t* name_length) noexcept {
  std::size_t best = std::string_view::npos;
  for (const std::string_view marker : {std::string_view("/novel/"), std::string_view("/chapterlist/")}) {
    const std::size_t at = path.find(marker);
    if (at < best) {
      best = at;
      *name_length = marker.size();
    }
  }
  return best;
}

std::string_view leading_digits(std::string_view s) noexcept {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return s.substr(0, n);
}

bool keyword_at(std::string_view s, std::size_t pos, std::string_view keyword) noexcept {
  if (pos > 0 && is_alpha(s[pos - 1])) return false;
  if (s.size() - pos < keyword.size()) return false;
  for (std::size_t k = 0; k < keyword.size(); ++k) {
    if (text::ascii_lower(s[pos + k]) != keyword[k]) return false;
  }
  const std::size_t after = pos + keyword.size();
  return after >= s.size() || !is_alpha(s[after]);
}

// Length of the separators (" .:#", no-break spaces) at s[pos], at most 4 bytes.
std::size_t separator_run(std::string_view s, std::size_t pos) noexcept {
  std::size_t i = pos;
  while (i < s.size() && i - pos < 4) {
    const char c = s[i];
    if (c == ' ' || c == '.' || c == ':' || c == '#' || c == '\t') {
      ++i;
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  return i - pos;
}

std::string_view decimal_at(std::string_view s, std::size_t pos) noexcept {
  std::size_t i = pos;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  return s.substr(pos, i - pos);
}

Error with_context(Error error, std::string_view page_url) {
  if (error.context.empty()) error.context = std::string(page_url);
  return error;
}

}  // namespace

Result<html::ScannedPage> scan_page(std::string_view body, std::string_view page_url,
                                    std::string_view content_type, html::ParsePath path) {
  if (body.size() > kMaxBodyBytes) {
    return make_error(ErrorKind::too_large,
                      "page of " + std::to_string(body.size()) + " bytes exceeds " + std::to_string(kMaxBodyBytes),
                      std::string(page_url));
  }
  if (looks_like_challenge(body)) {
    return make_error(ErrorKind::blocked, "anti-bot challenge page instead of content (Cloudflare)",
                      std::string(page_url));
  }
  html::ParseOptions options;
  options.invalid_bytes = text::InvalidBytes::replace;
  options.path = path;
  auto page = html::ScannedPage::read(std::string(body), content_type, options);
  if (!page.ok()) return with_context(std::move(page).error(), page_url);
  return page;
}

Result<html::HtmlDocument> to_document(html::ScannedPage page, std::string_view page_url) {
  auto document = std::move(page).into_document();
  if (!document.ok()) return with_context(std::move(document).error(), page_url);
  return document;
}

Result<html::HtmlDocument> load_page(std::string_view body, std::string_view page_url,
                                     std::string_view content_type) {
  auto page = scan_page(body, page_url, content_type);
  if (!page.ok()) return std::move(page).error();
  return to_document(std::move(page).value(), page_url);
}

std::string site_base(std::string_view page_url) {
  const std::size_t start = path_start(page_url);
  if (start == std::string_view::npos) return {};
  std::size_t name_length = 0;
  const std::size_t at = book_segment(path_of(page_url), &name_length);
  return std::string(page_url.substr(0, at == std::string_view::npos ? start : start + at));
}

std::optional<std::string> book_id_from_url(std::string_view page_url) {
  const std::string_view path = path_of(page_url);
  std::size_t name_length = 0;
  const std::size_t at = book_segment(path, &name_length);
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view rest = path.substr(at + name_length);
  const std::string_view digits = leading_digits(rest);
  if (digits.empty() || digits.size() > 20 || (digits.size() < rest.size() && rest[digits.size()] != '/')) {
    return std::nullopt;
  }
  return std::string(digits);
}

std::optional<ChapterLink> chapter_link_ids(std::string_view href) {
  constexpr std::string_view kMarker = "/novel/";
  const std::size_t at = href.find(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view rest = href.substr(at + kMarker.size());
  const std::string_view book = leading_digits(rest);
  if (book.empty() || book.size() >= rest.size() || rest[book.size()] != '/') return std::nullopt;
  const std::string_view tail = rest.substr(book.size() + 1);
  const std::string_view chapter = leading_digits(tail);
  if (chapter.empty() || book.size() > 20 || chapter.size() > 20) return std::nullopt;
  if (chapter.size() < tail.size() && tail.find_first_of("/?#") != chapter.size()) return std::nullopt;
  return ChapterLink{std::string(book), std::string(chapter)};
}

std::string resolve_href(std::string_view page_url, std::string_view href) {
  if (text::starts_with_ascii_icase(href, "http://") || text::starts_with_ascii_icase(href, "https://")) {
    return std::string(href);
  }
  const std::size_t start = path_start(page_url);
  if (start == std::string_view::npos) return std::string(href);
  if (href.starts_with("//")) return std::string(page_url.substr(0, page_url.find("://") + 1)) + std::string(href);
  if (href.starts_with("/")) return std::string(page_url.substr(0, start)) + std::string(href);
  const std::string_view path = path_of(page_url);
  const std::size_t slash = path.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? std::string_view("/") : path.substr(0, slash + 1);
  return std::string(page_url.substr(0, start)) + std::string(dir) + std::string(href);
}

const nlohmann::json* find_object_with(const nlohmann::json& root, std::string_view key,
                                       std::initializer_list<std::string_view> paths) {
  const std::string k(key);
  for (const std::string_view path : paths) {
    const auto node = html::json_at(root, path);
    if (!node.ok()) continue;
    const nlohmann::json* found = node.value();
    if (found->is_object() && found->contains(k)) return found;
  }
  constexpr std::size_t kMaxDepth = 12;
  constexpr std::size_t kMaxVisited = 100000;
  std::deque<std::pair<const nlohmann::json*, std::size_t>> queue{{&root, 0}};
  std::size_t visited = 0;
  while (!queue.empty() && visited++ < kMaxVisited) {
    const auto [node, depth] = queue.front();
    queue.pop_front();
    if (node->is_object() && node->contains(k)) return node;
    if (depth >= kMaxDepth || !node->is_structured()) continue;
    for (const auto& child : *node) {
      if (child.is_structured()) queue.emplace_back(&child, depth + 1);
    }
  }
  return nullptr;
}

std::optional<text::ChapterNumber> number_after_chapter_keyword(std::string_view name) {
  static constexpr std::array<std::string_view, 3> kKeywords{"chapter", "chap", "ch"};
  for (std::size_t pos = 0; pos < name.size(); ++pos) {
    for (const std::string_view keyword : kKeywords) {
      if (!keyword_at(name, pos, keyword)) continue;
      const std::size_t start = pos + keyword.size() + separator_run(name, pos + keyword.size());
      if (start >= name.size() || !is_digit(name[start])) continue;
      auto number = text::ChapterNumber::parse(decimal_at(name, start));
      if (number.ok()) return std::move(number).value();
    }
  }
  return std::nullopt;
}

bool names_an_extra(std::string_view name) {
  std::size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && !is_alpha(name[pos])) ++pos;
    std::size_t end = pos;
    while (end < name.size() && is_alpha(name[end])) ++end;
    const std::string word = text::to_ascii_lower(name.substr(pos, end - pos));
    if (word == "map" || word == "maps" || word == "character" || word == "characters") return true;
    pos = end;
  }
  return false;
}

bool class_marks_lock(std::string_view class_attr) {
  std::size_t pos = 0;
  while (pos < class_attr.size()) {
    const std::size_t start = class_attr.find_first_not_of(" \t\n\r\f", pos);
    if (start == std::string_view::npos) break;
    std::size_t end = class_attr.find_first_of(" \t\n\r\f", start);
    if (end == std::string_view::npos) end = class_attr.size();
    const std::string_view token = class_attr.substr(start, end - start);
    if (token.find("Lock") != std::string_view::npos) return true;
    const std::string lowered = text::to_ascii_lower(token);
    for (std::size_t at = lowered.find("lock"); at != std::string::npos; at = lowered.find("lock", at + 1)) {
      if (at == 0 || lowered[at - 1] == '_' || lowered[at - 1] == '-') return true;
    }
    pos = end;
  }
  return false;
}

std::string clean_title(std::string_view raw) {
  constexpr std::size_t kMaxTitleBytes = 1000;
  std::string title = text::collapse_whitespace(text::decode_entities(raw));
  title.resize(text::utf8_prefix_length(title, kMaxTitleBytes));
  return title;
}

bool json_marks_locked(const nlohmann::json& item) {
  const auto it = item.find("isAuth");
  if (it == item.end()) return false;
  if (it->is_number_integer()) return json_int64(*it) == 0;
  if (it->is_boolean()) return !it->get<bool>();
  if (it->is_string()) return text::trim(it->get_ref<const std::string&>()) == "0";
  return false;
}

std::size_t code_points(std::string_view utf8) noexcept {
  std::size_t n = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

}  // namespace scrapers::chereads::detail
