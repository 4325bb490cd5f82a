#include "scrapers/chereads/work_url.hpp"

#include "common/http/base_url.hpp"
#include "common/http/url.hpp"
#include "common/text/digits.hpp"

namespace scrapers::chereads {
namespace {

constexpr std::size_t kMaxBookIdDigits = 20;

Error bad_url(std::string_view url, const std::string& why) {
  return make_error(ErrorKind::invalid_argument, "--url: '" + std::string(url) + "' " + why);
}

}  // namespace

Result<WorkUrl> parse_work_url(std::string_view url, std::string_view site_base) {
  auto parsed = http::parse_url(url);
  if (!parsed.ok()) return bad_url(url, "is not an absolute http(s) URL");
  if (!http::is_on_site(url, site_base)) return bad_url(url, "is not on " + std::string(site_base));
  std::string_view path = parsed->path;
  if (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  WorkUrl out{std::string(url), parsed->origin(), {}, false};
  for (const std::string_view prefix : {std::string_view("/chapterlist/"), std::string_view("/novel/")}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view id = path.substr(prefix.size());
    if (!text::is_digit_string(id, kMaxBookIdDigits)) {
      const std::size_t slash = id.find('/');
      if (slash != std::string_view::npos && text::is_digit_string(id.substr(0, slash), kMaxBookIdDigits)) {
        return bad_url(url, "is not a book page (a chapter page?): give /chapterlist/{bookId}/");
      }
      return bad_url(url, "has no numeric book id after " + std::string(prefix));
    }
    out.book_id = std::string(id);
    out.chapter_list = prefix == "/chapterlist/";
    return out;
  }
  return bad_url(url, "is not a /chapterlist/{bookId}/ or /novel/{bookId} page");
}

std::optional<std::string> book_id_of(std::string_view url) {
  auto parsed = http::parse_url(url);
  if (!parsed.ok()) return std::nullopt;
  std::string_view path = parsed->path;
  if (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  for (const std::string_view prefix : {std::string_view("/chapterlist/"), std::string_view("/novel/")}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view id = path.substr(prefix.size());
    if (text::is_digit_string(id, kMaxBookIdDigits)) return std::string(id);
  }
  return std::nullopt;
}

std::string novel_page_url(std::string_view site_base, std::string_view book_id) {
  return http::join_url(site_base, "/novel/" + std::string(book_id));
}

std::string chapter_list_url(std::string_view site_base, std::string_view book_id) {
  return http::join_url(site_base, "/chapterlist/" + std::string(book_id) + "/");
}

}  // namespace scrapers::chereads
