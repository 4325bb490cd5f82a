#include "scrapers/chereads/list_numbering.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include "scrapers/chereads/page_support.hpp"

namespace scrapers::chereads::detail {
namespace {

struct Candidate {
  ChapterRef ref;
  bool number_from_name = false;
  std::size_t position = 0;
};

struct PositionedSkip {
  std::size_t position = 0;
  SkippedItem item;
};

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

// The candidate for one item, or the reason it is skipped.
std::variant<Candidate, SkippedItem> classify(RawItem& raw, std::size_t position) {
  const auto skip = [&](SkipReason reason, std::string detail) {
    return SkippedItem{std::move(raw.title), reason, std::move(detail)};
  };
  if (raw.invalid) return skip(SkipReason::invalid_item, std::move(*raw.invalid));
  const auto named = number_after_chapter_keyword(raw.title);
  if (named && named->str() == "0") return skip(SkipReason::not_a_chapter, "'Chapter 0' item");
  if (!named && names_an_extra(raw.title)) return skip(SkipReason::not_a_chapter, "maps/character item");
  std::optional<text::ChapterNumber> number = named;
  if (!number && raw.index_text) {
    if (auto parsed = text::ChapterNumber::parse(*raw.index_text); parsed.ok()) number = std::move(parsed).value();
  }
  if (!number) return skip(SkipReason::no_number, "no number in the name and no usable index");
  if (*number < text::ChapterNumber::from_integer(1)) {
    return skip(SkipReason::below_one, "number " + number->str() + " is below 1");
  }
  return Candidate{ChapterRef{std::move(*number), std::move(raw.title), std::move(raw.chapter_id),
                              std::move(raw.url), raw.locked},
                   named.has_value(), position};
}

}  // namespace

ChapterList build_chapter_list(std::vector<RawItem> items) {
  std::vector<Candidate> candidates;
  std::vector<PositionedSkip> skips;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto outcome = classify(items[i], i);
    if (auto* skipped = std::get_if<SkippedItem>(&outcome)) {
      skips.push_back({i, std::move(*skipped)});
    } else {
      candidates.push_back(std::move(std::get<Candidate>(outcome)));
    }
  }
  // Per number: a number read from a name beats one from an index, then page order.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.ref.number != b.ref.number) return a.ref.number < b.ref.number;
    return a.number_from_name && !b.number_from_name;
  });
  ChapterList list;
  list.items_seen = items.size();
  for (Candidate& c : candidates) {
    if (!list.chapters.empty() && list.chapters.back().number == c.ref.number) {
      std::string detail = "number " + c.ref.number.str() + " is already taken by " +
                           in_quotes(list.chapters.back().title);
      skips.push_back(
          {c.position, SkippedItem{std::move(c.ref.title), SkipReason::duplicate_number, std::move(detail)}});
      continue;
    }
    list.chapters.push_back(std::move(c.ref));
  }
  std::stable_sort(skips.begin(), skips.end(),
                   [](const PositionedSkip& a, const PositionedSkip& b) { return a.position < b.position; });
  for (PositionedSkip& s : skips) list.skipped.push_back(std::move(s.item));
  return list;
}

}  // namespace scrapers::chereads::detail
