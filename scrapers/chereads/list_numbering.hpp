// Internal: turning the chapter items a page lists (from JSON or HTML alike) into
// a ChapterList: chapter numbers, the non-chapter filters, duplicate numbers and
// the final order. See parse.hpp for the rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scrapers/chereads/parse.hpp"

namespace scrapers::chereads::detail {

// One chapter item as the page lists it, before numbering and filtering.
struct RawItem {
  std::string title;
  std::string chapter_id;
  std::string url;
  std::optional<std::string> index_text;  // chapterIndex / the number shown in the list
  bool locked = false;
  std::optional<std::string> invalid;  // why the item cannot be used
};

// Numbers, filters, de-duplicates and sorts items (given in page order).
ChapterList build_chapter_list(std::vector<RawItem> items);

}  // namespace scrapers::chereads::detail
