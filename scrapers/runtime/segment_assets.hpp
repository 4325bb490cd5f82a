// Storing a segment's content: blob first, then the asset row and its segment link in
// one statement — so a crash leaves at worst an unregistered blob that the next run
// overwrites (keys are deterministic), never a registered asset without its bytes.
// A key whose asset is linked to another segment is refused before any byte is
// written (invalid_argument naming the key and the holding segment): two segments
// never share, overwrite or re-point one asset.
// Shared by readnovel-segment, chereads-segment and bulk-download-subtitles.
#pragma once

#include <string>
#include <string_view>

#include "common/storage/blob_store.hpp"
#include "common/util/error.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

struct SegmentAsset {
  std::string key;  // object key (already sanitised, see the key builders)
  std::string content;
  std::string content_type;  // e.g. "text/html; charset=utf-8" is NOT used: plain media type
  std::string asset_type;    // 'cleaned_text' | 'raw_subtitle' | ...
  std::string role;          // 'content' | 'subtitle'
};

struct StoredSegmentAsset {
  std::string asset_id;
  storage::StoredBlob blob;
};

// invalid_argument naming the holder when the key belongs to another segment's asset.
Error key_taken(const tracking::AssetHolder& holder, std::string_view asking_segment);

Result<StoredSegmentAsset> store_segment_asset(tracking::Database& db, storage::BlobStore& blobs,
                                               const std::string& segment_id, const SegmentAsset& asset);

// "1" → "0001", "12" → "0012", "10.5" → "0010.5", "12345" → "12345".
std::string padded_number(std::string_view number);

// "Chapter 2: The Weakest Hunter’s Oath" → "chapter-2-the-weakest-hunter’s-oath": ASCII
// lower-cased, < > : " / \ | ? * dropped, whitespace/hyphen runs → one '-', then made a
// safe file name (text::sanitize_filename, 120 bytes); never empty ("untitled").
std::string title_slug(std::string_view title);

// raw/novel/{work_id}/{edition_id}/number-{0001}/{title_slug(title)}.html
std::string chapter_asset_key(const tracking::Segment& segment, std::string_view title);

// raw/anime/{work_id}/{edition_id}/episode-{E}/{sanitized file name}
std::string subtitle_asset_key(const tracking::Segment& segment, int episode, std::string_view file_name);
// raw/anime/{work_id}/{edition_id}/episode-{E}/ — every subtitle key of that episode starts so.
std::string subtitle_key_prefix(const tracking::Segment& segment, int episode);

}  // namespace scrapers::runtime
