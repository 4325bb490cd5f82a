#include "scrapers/readnovel/segment_content.hpp"

#include <exception>

#include "scrapers/readnovel/fetch.hpp"
#include "scrapers/runtime/chapter_document.hpp"
#include "scrapers/runtime/segment_assets.hpp"

namespace scrapers::readnovel {
namespace {

using runtime::SegmentOutcome;

SegmentOutcome outcome_of(const Error& error) {
  if (error.kind == ErrorKind::interrupted) return SegmentOutcome::stop("interrupted");
  if (error.kind == ErrorKind::blocked) return SegmentOutcome::blocked(error.describe());
  return SegmentOutcome::failed(error.describe());
}

std::string stored_detail(const std::string& key, const PreparedChapter& chapter, ContentSource source) {
  std::string detail = key + " (" + std::to_string(chapter.text.characters) + " characters, " +
                       std::to_string(chapter.text.paragraphs.size()) + " paragraphs, from " +
                       std::string(to_string(source));
  if (chapter.text.watermark_lines > 0) {
    detail += ", " + std::to_string(chapter.text.watermark_lines) + " watermark lines dropped";
  }
  if (chapter.text.replacement_characters > 0) {
    detail += ", " + std::to_string(chapter.text.replacement_characters) + " U+FFFD kept";
  }
  return detail + ")";
}

}  // namespace

Result<PreparedChapter> prepare_chapter(const ChapterContent& content, const tracking::Segment& segment) {
  PreparedChapter chapter;
  chapter.title = clean_chapter_title(content.title);
  if (chapter.title.empty()) chapter.title = clean_chapter_title(segment.title);
  chapter.text = clean_chapter_text(content.text);
  if (const Status length = check_min_length(chapter.text); !length.ok()) return length.error();
  runtime::DocumentOptions options;
  if (segment.canonical_url) options.canonical_url = *segment.canonical_url;
  chapter.document = runtime::build_chapter_document(chapter.title, chapter.text.paragraphs, options);
  return chapter;
}

SegmentOutcome process_segment(const tracking::Segment& segment, tracking::Database& db,
                               runtime::Services& services, const SiteUrls& site, ContentTotals& totals) {
  try {
    if (!segment.canonical_url || segment.canonical_url->empty()) {
      return SegmentOutcome::failed("segment has no canonical_url");
    }
    auto slug = chapter_slug_of_segment_url(*segment.canonical_url, site);
    if (!slug.ok()) return SegmentOutcome::failed(slug.error().describe());
    auto content = fetch_chapter_content(services.transport, site, slug.value());
    if (!content.ok()) return outcome_of(content.error());
    auto chapter = prepare_chapter(content.value(), segment);
    if (!chapter.ok()) return SegmentOutcome::failed(chapter.error().describe());
    // The key uses the catalog's title (stable across runs), the document the chapter's.
    const std::string& key_title = segment.title.empty() ? chapter->title : segment.title;
    runtime::SegmentAsset asset{runtime::chapter_asset_key(segment, key_title), std::move(chapter->document),
                                std::string(runtime::kChapterDocumentContentType), "cleaned_text", "content"};
    auto stored = runtime::store_segment_asset(db, services.blobs, segment.id, asset);
    if (!stored.ok()) return outcome_of(stored.error());
    totals.replacement_characters += chapter->text.replacement_characters;
    totals.watermark_lines += chapter->text.watermark_lines;
    return SegmentOutcome::stored(stored_detail(asset.key, chapter.value(), content->source));
  } catch (const std::exception& e) {
    return SegmentOutcome::failed(e.what());
  }
}

}  // namespace scrapers::readnovel
