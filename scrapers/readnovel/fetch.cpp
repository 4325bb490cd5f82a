#include "scrapers/readnovel/fetch.hpp"

#include <optional>

#include <nlohmann/json.hpp>

#include "common/http/base_url.hpp"
#include "common/http/classify.hpp"
#include "scrapers/readnovel/parse.hpp"
#include "scrapers/readnovel/urls.hpp"

namespace scrapers::readnovel {
namespace {

enum class Want { json, html };

http::Request request_for(std::string url, Want want, std::string referer) {
  http::Request request;
  request.url = std::move(url);
  // Larger answers are refused while they arrive, not after.
  request.max_body_bytes = want == Want::json ? kMaxJsonBodyBytes : kMaxBodyBytes;
  if (want == Want::json) {
    request.headers.set("Accept", "application/json");
  } else {
    request.headers.set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  }
  request.headers.set("Accept-Language", "en-US,en;q=0.9");
  request.headers.set("Referer", std::move(referer));
  return request;
}

// The "detail" of a DRF error document ({"detail": "Not found."}), if the body is one.
std::optional<std::string> drf_detail(std::string_view body) {
  if (body.size() > 64 * 1024) return std::nullopt;
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.contains("detail") || !json["detail"].is_string()) return std::nullopt;
  std::string detail = json["detail"].get<std::string>();
  if (detail.size() > 200) detail.resize(200);
  return detail;
}

// A usable 2xx response, or the error saying why not (a 404 is not_found; an API
// error document's detail is quoted).
Result<http::Response> checked_send(http::Transport& transport, const http::Request& request) {
  auto response = transport.send(request);
  if (!response.ok()) return std::move(response).error();
  const Status status = http::expect_ok(response.value(), request.url);
  if (status.ok()) return std::move(response).value();
  Error error = status.error();
  if (error.kind == ErrorKind::http_status) {
    if (const auto detail = drf_detail(response->body)) error.message += " (the API says \"" + *detail + "\")";
    if (error.http_status == 404) error.kind = ErrorKind::not_found;
  }
  return error;
}

Result<ChapterContent> content_from_api(http::Transport& transport, const SiteUrls& urls, std::string_view slug) {
  const std::string url = chapter_json_url(urls.api_base, slug);
  auto response = checked_send(transport, request_for(url, Want::json, chapter_page_url(urls.site_base, slug)));
  if (!response.ok()) return std::move(response).error();
  return parse_chapter_json(response->body, url);
}

Result<ChapterContent> content_from_page(http::Transport& transport, const SiteUrls& urls, std::string_view slug) {
  const std::string url = chapter_page_url(urls.site_base, slug);
  auto response = checked_send(transport, request_for(url, Want::html, urls.site_base + "/"));
  if (!response.ok()) return std::move(response).error();
  return parse_chapter_page(response->body, url, response->content_type_header());
}

ErrorKind combined_kind(const Error& api, const Error& page) {
  if (api.kind == ErrorKind::interrupted || page.kind == ErrorKind::interrupted) return ErrorKind::interrupted;
  if (api.kind == page.kind) return api.kind;
  return page.kind;  // the fallback's problem is the last word about the page
}

}  // namespace

Result<ChapterList> fetch_chapter_list(http::Transport& transport, const SiteUrls& urls,
                                       std::string_view novel_slug) {
  const std::string url = chapter_list_url(urls.api_base, novel_slug);
  auto response = checked_send(transport,
                               request_for(url, Want::json, novel_page_url(urls.site_base, novel_slug)));
  if (!response.ok()) return std::move(response).error();
  return parse_chapter_list(response->body, url);
}

Result<ChapterContent> fetch_chapter_content(http::Transport& transport, const SiteUrls& urls,
                                             std::string_view chapter_slug) {
  auto from_api = content_from_api(transport, urls, chapter_slug);
  if (from_api.ok()) return from_api;
  if (from_api.error().kind == ErrorKind::interrupted) return std::move(from_api).error();
  auto from_page = content_from_page(transport, urls, chapter_slug);
  if (from_page.ok()) return from_page;
  const Error& api = from_api.error();
  const Error& page = from_page.error();
  Error error = make_error(combined_kind(api, page),
                           "getchapter API: " + api.describe() + "; chapter page: " + page.describe());
  error.http_status = page.http_status;
  return error;
}

Result<std::string> chapter_slug_of_segment_url(std::string_view canonical_url, const SiteUrls& urls) {
  for (std::string_view base : {kCanonicalSiteBase, kDefaultApiBase}) {
    if (http::is_on_site(canonical_url, base)) return chapter_slug_from_url(canonical_url);
  }
  for (const std::string* base : {&urls.site_base, &urls.api_base}) {
    if (http::is_on_site(canonical_url, *base)) return chapter_slug_from_url(canonical_url);
  }
  return make_error(ErrorKind::invalid_argument, "segment url is not a readnovel.eu / wuxiaworld.eu chapter page",
                    std::string(canonical_url));
}

}  // namespace scrapers::readnovel
