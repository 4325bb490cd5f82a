// parse_chapter_list: GET /api/chapters/{slug}/ (see parse.hpp).
#include <algorithm>
#include <map>

#include "common/util/json_number.hpp"
#include "common/util/layout_error.hpp"
#include "scrapers/readnovel/body_checks.hpp"
#include "scrapers/readnovel/parse.hpp"
#include "scrapers/readnovel/urls.hpp"

namespace scrapers::readnovel {
namespace {

using nlohmann::json;

struct ElementResult {
  std::optional<ChapterEntry> entry;
  std::string problem;  // set when entry is empty
};

ElementResult bad(std::string message) { return {std::nullopt, std::move(message)}; }

std::string quoted(std::string_view field) { return "'" + std::string(field) + "'"; }

std::string field_problem(std::string_view field, const json& value, std::string_view expected) {
  return quoted(field) + " is " + detail::json_type_name(value) + ", expected " + std::string(expected);
}

// The string member `field`, or a problem naming it.
std::optional<std::string> string_field(const json& element, std::string_view field, std::string& problem) {
  const auto it = element.find(field);
  if (it == element.end()) {
    problem = "missing " + quoted(field);
    return std::nullopt;
  }
  if (!it->is_string()) {
    problem = field_problem(field, *it, "a string");
    return std::nullopt;
  }
  return it->get<std::string>();
}

Result<std::int64_t> index_field(const json& element) {
  const auto it = element.find("index");
  if (it == element.end()) return make_error(ErrorKind::missing_field, "missing 'index'");
  const auto index = json_int64(*it);
  if (!index) return make_error(ErrorKind::missing_field, field_problem("index", *it, "an integer"));
  if (*index < 1) {
    return make_error(ErrorKind::missing_field,
                      "'index' is " + std::to_string(*index) + ", expected a chapter number >= 1");
  }
  return *index;
}

ElementResult parse_element(const json& element) {
  if (!element.is_object()) return bad("is " + detail::json_type_name(element) + ", expected an object");
  auto index = index_field(element);
  if (!index.ok()) return bad(index.error().message);

  std::string problem;
  auto title = string_field(element, "title", problem);
  if (!title) return bad(problem);
  auto slug = string_field(element, "novSlugChapSlug", problem);
  if (!slug) return bad(problem);
  if (!is_valid_chapter_slug(*slug)) {
    return bad("'novSlugChapSlug' \"" + detail::clean_title_text(*slug, 80) +
               "\" is not a slug (letters, digits, '-', '_')");
  }

  ChapterEntry entry;
  entry.index = index.value();
  entry.title = detail::clean_title_text(*title, kMaxTitleBytes);
  entry.slug = std::move(*slug);
  if (const auto id = element.find("id"); id != element.end() && !id->is_null()) {
    const auto value = json_int64(*id);
    if (!value) return bad(field_problem("id", *id, "an integer"));
    entry.id = value;
  }
  if (const auto added = element.find("timeAdded"); added != element.end() && !added->is_null()) {
    if (!added->is_string()) return bad(field_problem("timeAdded", *added, "a string"));
    entry.time_added = parse_time_added(added->get<std::string>());
  }
  return {std::move(entry), {}};
}

Error unusable_list(const ChapterList& list, std::string_view url) {
  const ElementProblem& first = list.problems.front();
  return layout_not_recognised("chapter list: none of the " + std::to_string(list.total_elements) +
                                   " elements has the expected fields; first problem: " + first.message,
                               std::string(url));
}

}  // namespace

Result<ChapterList> parse_chapter_list(std::string_view body, std::string_view url) {
  auto parsed = detail::read_json_body(body, url, "chapter list");
  if (!parsed.ok()) return std::move(parsed).error();
  const json& root = parsed.value();
  if (!root.is_array()) {
    std::string message = "chapter list: expected a JSON array, got " + detail::json_type_name(root);
    if (root.is_object() && root.contains("results")) message += " (a paginated feed, not one novel's list)";
    if (root.is_object() && root.contains("detail") && root["detail"].is_string()) {
      message += " with detail \"" + detail::clean_title_text(root["detail"].get<std::string>(), 200) + "\"";
    }
    return layout_not_recognised(message, std::string(url));
  }
  if (root.empty()) {
    return make_error(ErrorKind::not_found, "chapter list is empty: the API knows no novel with this slug",
                      std::string(url));
  }

  ChapterList list;
  list.total_elements = root.size();
  std::map<std::int64_t, std::size_t> seen;  // index -> position of the element kept
  for (std::size_t i = 0; i < root.size(); ++i) {
    ElementResult result = parse_element(root[i]);
    if (!result.entry) {
      list.problems.push_back({i, "element " + std::to_string(i) + ": " + result.problem});
      continue;
    }
    const auto [it, inserted] = seen.emplace(result.entry->index, i);
    if (!inserted) {
      list.problems.push_back({i, "element " + std::to_string(i) + ": 'index' " +
                                      std::to_string(result.entry->index) + " repeats element " +
                                      std::to_string(it->second)});
      continue;
    }
    list.chapters.push_back(std::move(*result.entry));
  }
  if (list.chapters.empty()) return unusable_list(list, url);
  std::stable_sort(list.chapters.begin(), list.chapters.end(),
                   [](const ChapterEntry& a, const ChapterEntry& b) { return a.index < b.index; });
  return list;
}

}  // namespace scrapers::readnovel
