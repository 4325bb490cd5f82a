#include "scrapers/chereads/segment_matching.hpp"

#include <map>
#include <set>

namespace scrapers::chereads {
namespace {

// The normalised number of a segment as PostgreSQL printed it ("12", "10.50"), or the
// text itself when it is not a plain decimal.
std::string normalised_number(const std::string& number) {
  auto parsed = text::ChapterNumber::parse(number);
  return parsed ? parsed->str() : number;
}

std::string chapter_key(const ChapterRef& chapter) {
  return chapter.chapter_id.empty() ? chapter_id_of_url(chapter.url) : chapter.chapter_id;
}

}  // namespace

std::string chapter_id_of_url(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const auto slash = url.rfind('/');
  return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

SegmentMatchPlan plan_segment_matches(const std::vector<ChapterRef>& chapters,
                                      const std::vector<tracking::Segment>& existing) {
  std::map<std::string, const tracking::Segment*> by_chapter_id;
  std::map<std::string, const tracking::Segment*> by_number;
  for (const tracking::Segment& segment : existing) {
    if (segment.canonical_url) {
      const std::string id = chapter_id_of_url(*segment.canonical_url);
      if (!id.empty()) by_chapter_id.emplace(id, &segment);
    }
    by_number.emplace(normalised_number(segment.number), &segment);
  }

  SegmentMatchPlan plan;
  std::set<const tracking::Segment*> taken;  // segments a chapter of the list matched by id
  std::vector<const ChapterRef*> unmatched;
  for (const ChapterRef& chapter : chapters) {
    const auto found = by_chapter_id.find(chapter_key(chapter));
    if (found == by_chapter_id.end() || !taken.insert(found->second).second) {
      unmatched.push_back(&chapter);
      continue;
    }
    const tracking::Segment& segment = *found->second;
    ++plan.matched_by_id;
    if (normalised_number(segment.number) != chapter.number.str()) ++plan.renumbered_elsewhere;
    plan.upserts.push_back({normalised_number(segment.number), chapter.title, *segment.canonical_url});
  }
  std::set<std::string> numbers_used;
  for (const auto& upsert : plan.upserts) numbers_used.insert(upsert.number);
  for (const ChapterRef* chapter : unmatched) {
    const std::string number = chapter->number.str();
    const auto holder = by_number.find(number);
    if (holder != by_number.end()) {
      const tracking::Segment& segment = *holder->second;
      std::string reason;
      if (taken.count(&segment)) {
        reason = "segment is chapter " + chapter_id_of_url(segment.canonical_url.value_or("")) + " of the list";
      } else if (segment.has_asset) {
        reason = "segment has content";
      }
      if (!reason.empty()) {
        plan.conflicts.push_back({*chapter, segment, std::move(reason)});
        continue;
      }
    }
    if (!numbers_used.insert(number).second) continue;  // the list itself repeats it (parser dedupes)
    plan.upserts.push_back({number, chapter->title, chapter->url});
  }
  return plan;
}

}  // namespace scrapers::chereads
