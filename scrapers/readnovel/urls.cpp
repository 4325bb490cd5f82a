#include "scrapers/readnovel/urls.hpp"

namespace scrapers::readnovel {
namespace {

bool is_lower_alnum(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alnum(char c) noexcept { return is_lower_alnum(c) || (c >= 'A' && c <= 'Z'); }

std::string_view trim_base(std::string_view base) noexcept {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return base;
}

std::string join(std::string_view base, std::string_view path, std::string_view slug, std::string_view suffix) {
  std::string url(trim_base(base));
  url.append(path).append(slug).append(suffix);
  return url;
}

}  // namespace

bool is_valid_novel_slug(std::string_view slug) noexcept {
  if (slug.empty() || slug.size() > kMaxSlugBytes) return false;
  if (!is_lower_alnum(slug.front()) || !is_lower_alnum(slug.back())) return false;
  for (char c : slug) {
    if (!is_lower_alnum(c) && c != '-') return false;
  }
  return true;
}

bool is_valid_chapter_slug(std::string_view slug) noexcept {
  if (slug.empty() || slug.size() > kMaxSlugBytes) return false;
  for (char c : slug) {
    if (!is_alnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

std::string chapter_list_url(std::string_view api_base, std::string_view novel_slug) {
  return join(api_base, "/api/chapters/", novel_slug, "/");
}

std::string chapter_json_url(std::string_view api_base, std::string_view chapter_slug) {
  return join(api_base, "/api/getchapter/", chapter_slug, "/");
}

std::string chapter_page_url(std::string_view site_base, std::string_view chapter_slug) {
  return join(site_base, "/chapter/", chapter_slug, "");
}

std::string novel_page_url(std::string_view site_base, std::string_view novel_slug) {
  return join(site_base, "/novel/", novel_slug, "");
}

Result<std::string> chapter_slug_from_url(std::string_view url) {
  auto fail = [&] {
    return make_error(ErrorKind::invalid_argument,
                      "not a readnovel chapter URL (expected https://<host>/chapter/<slug>)", std::string(url));
  };
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return fail();
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "https" && scheme != "http") return fail();
  const std::size_t path_start = url.find('/', scheme_end + 3);
  if (path_start == std::string_view::npos) return fail();
  std::string_view path = url.substr(path_start);
  if (path.find_first_of("?#") != std::string_view::npos) return fail();
  constexpr std::string_view kPrefix = "/chapter/";
  if (path.substr(0, kPrefix.size()) != kPrefix) return fail();
  path.remove_prefix(kPrefix.size());
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (!is_valid_chapter_slug(path)) return fail();
  return std::string(path);
}

}  // namespace scrapers::readnovel
