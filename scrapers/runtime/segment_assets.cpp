#include "scrapers/runtime/segment_assets.hpp"

#include <algorithm>

#include "common/text/ascii.hpp"
#include "common/text/filename.hpp"

namespace scrapers::runtime {

Error key_taken(const tracking::AssetHolder& holder, std::string_view asking_segment) {
  return make_error(ErrorKind::invalid_argument,
                    "asset key " + holder.key + " already belongs to segment " + holder.segment_number + " (" +
                        holder.segment_id + "); not overwritten",
                    "segment " + std::string(asking_segment));
}

Result<StoredSegmentAsset> store_segment_asset(tracking::Database& db, storage::BlobStore& blobs,
                                               const std::string& segment_id, const SegmentAsset& asset) {
  // Checked before the bytes are written: another segment's blob is never overwritten.
  auto holder = tracking::find_asset_holder(db, asset.key, false, segment_id);
  if (!holder) return std::move(holder).error();
  if (*holder) return key_taken(**holder, segment_id);
  auto blob = blobs.put(asset.key, asset.content, asset.content_type);
  if (!blob) return std::move(blob).error();
  tracking::AssetRecord record{blob->provider,   blob->bucket,       blob->key,
                               asset.asset_type, asset.content_type, static_cast<std::int64_t>(blob->bytes),
                               blob->sha256,     "pipeline"};
  auto asset_id = tracking::register_and_link_asset(db, record, segment_id, asset.role);
  if (!asset_id) return std::move(asset_id).error();
  return StoredSegmentAsset{std::move(asset_id).value(), std::move(blob).value()};
}

std::string padded_number(std::string_view number) {
  const auto dot = number.find('.');
  const std::string_view whole = number.substr(0, dot);
  std::string out(whole.size() < 4 ? 4 - whole.size() : 0, '0');
  out += number;
  return out;
}

std::string title_slug(std::string_view title) {
  std::string slug;
  for (char c : title) {
    if (std::string_view("<>:\"/\\|?*").find(c) != std::string_view::npos) continue;
    const bool separator = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
    if (separator) {
      if (!slug.empty() && slug.back() != '-') slug += '-';
      continue;
    }
    slug += text::ascii_lower(c);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  std::string safe = text::sanitize_filename(slug, 120);
  std::replace(safe.begin(), safe.end(), ' ', '-');
  return safe;
}

std::string chapter_asset_key(const tracking::Segment& segment, std::string_view title) {
  return "raw/novel/" + segment.work_id + "/" + segment.edition_id + "/number-" + padded_number(segment.number) +
         "/" + title_slug(title) + ".html";
}

std::string subtitle_key_prefix(const tracking::Segment& segment, int episode) {
  return "raw/anime/" + segment.work_id + "/" + segment.edition_id + "/episode-" + std::to_string(episode) + "/";
}

std::string subtitle_asset_key(const tracking::Segment& segment, int episode, std::string_view file_name) {
  return subtitle_key_prefix(segment, episode) + text::sanitize_filename(file_name);
}

}  // namespace scrapers::runtime
