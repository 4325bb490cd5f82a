#include "scrapers/opensubtitles/episode_downloader.hpp"

#include <utility>

#include "common/text/digits.hpp"
#include "common/util/log.hpp"
#include "scrapers/opensubtitles/subtitle_file.hpp"
#include "scrapers/runtime/segment_assets.hpp"

namespace scrapers::opensubtitles {
namespace {

// The segment's sequential number when it is a whole number that fits an int.
std::optional<int> sequential_number(const tracking::Segment& segment) {
  const auto value = text::parse_uint64(segment.number);
  if (!value || *value > 1000000) return std::nullopt;
  return static_cast<int>(*value);
}

// "2 of 3" (or with another separator, "2-of-3" for keys).
std::string part_label(std::size_t index, std::size_t count, std::string_view separator = " of ") {
  return std::to_string(index + 1) + std::string(separator) + std::to_string(count);
}

std::string quota_note(const std::optional<QuotaInfo>& quota) {
  if (!quota) return {};
  std::string note;
  if (quota->reset_time_utc) note += "resets at " + *quota->reset_time_utc;
  if (quota->reset_time) note += std::string(note.empty() ? "resets in " : ", in ") + *quota->reset_time;
  return note;
}

}  // namespace

EpisodeDownloader::EpisodeDownloader(ApiClient& client, tracking::Database& db, storage::BlobStore& blobs,
                                     DownloaderSettings settings)
    : client_(&client),
      db_(&db),
      blobs_(&blobs),
      settings_(std::move(settings)),
      search_(client, SearchSettings{settings_.series_name, settings_.search_text, settings_.languages,
                                     settings_.allow_ai_translated}) {}

Status EpisodeDownloader::ensure_login() {
  if (!settings_.login || login_attempted_) return Ok{};
  login_attempted_ = true;
  return client_->login(settings_.login->username, settings_.login->password);
}

runtime::SegmentOutcome EpisodeDownloader::outcome_for(const Error& error, const std::string& what) {
  switch (error.kind) {
    case ErrorKind::quota_exhausted: {
      quota_exhausted_ = true;
      const std::string note = quota_note(client_->quota());
      return runtime::SegmentOutcome::stop("download quota exhausted" + (note.empty() ? "" : " (" + note + ")"));
    }
    case ErrorKind::unauthorized: fatal_ = error; return runtime::SegmentOutcome::stop(error.describe());
    case ErrorKind::interrupted: return runtime::SegmentOutcome::stop("interrupted by signal");
    case ErrorKind::blocked: return runtime::SegmentOutcome::blocked(what + ": " + error.describe());
    default: return runtime::SegmentOutcome::failed(what + ": " + error.describe());
  }
}

std::optional<std::string> EpisodeDownloader::skip_reason(const tracking::Segment& segment) {
  if (parse_episode_code(segment.title)) return std::nullopt;
  ++counts_.without_code;
  untitled_.push_back({{"segmentId", segment.id}, {"number", segment.number}, {"title", segment.title}});
  return "title '" + segment.title + "' has no SxxEyy code";
}

runtime::SegmentOutcome EpisodeDownloader::login_failed(const Error& error) {
  if (error.kind == ErrorKind::interrupted) return runtime::SegmentOutcome::stop("interrupted by signal");
  Error fatal = error;
  fatal.message = "OpenSubtitles login failed, nothing downloaded anonymously: " + error.message;
  for (char& c : fatal.message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  fatal_ = fatal;
  return runtime::SegmentOutcome::stop(fatal.describe());
}

runtime::SegmentOutcome EpisodeDownloader::process(const tracking::Segment& segment) {
  if (auto reason = skip_reason(segment)) return runtime::SegmentOutcome::skipped(*reason);
  const auto code = parse_episode_code(segment.title);
  const std::string label = format_episode_code(*code);
  // Before any request: another segment of this edition with the same SxxEyy would be
  // given the same file under the same key, so a second download would only spend the
  // quota on bytes that may not overwrite the first segment's (store_segment_asset).
  auto holder = tracking::find_asset_holder(*db_, runtime::subtitle_key_prefix(segment, code->episode), true,
                                            segment.id);
  if (!holder.ok()) return outcome_for(holder.error(), label + " lookup");
  if (*holder) {
    return runtime::SegmentOutcome::failed(label + ": segment " + (*holder)->segment_number +
                                           " of this edition has the same episode code and already holds " +
                                           (*holder)->key + "; not downloaded again");
  }
  if (auto login = ensure_login(); !login.ok()) return login_failed(login.error());
  auto found = search_.find(*code, sequential_number(segment));
  sync_search_counts();
  if (!found.ok()) return outcome_for(found.error(), label + " search");
  ++counts_.searched_episodes;
  if (!found->choice) {
    ++counts_.not_found;
    return runtime::SegmentOutcome::skipped(found->reason);
  }
  return download_and_store(segment, *code, *found->choice);
}

runtime::SegmentOutcome EpisodeDownloader::download_and_store(const tracking::Segment& segment, EpisodeCode code,
                                                              const SubtitleChoice& chosen) {
  const std::string label = format_episode_code(code);
  const std::size_t count = chosen.parts.size();
  std::vector<runtime::SegmentAsset> assets;
  for (std::size_t i = 0; i < count; ++i) {
    const SubtitleFile& part = chosen.parts[i];
    const std::string which = count == 1 ? std::string() : " part " + part_label(i, count);
    auto file = client_->download(part.file_id);
    if (file.ok()) counts_.links_requested += static_cast<std::size_t>(file->links_requested);
    if (!file.ok()) return outcome_for(file.error(), label + " download" + which);
    const std::string name = subtitle_file_name(file->file_name, part.file_name, part.file_id);
    const std::string key_name = count == 1 ? name : "part-" + part_label(i, count, "-of-") + "-" + name;
    assets.push_back(runtime::SegmentAsset{runtime::subtitle_asset_key(segment, code.episode, key_name),
                                           std::move(file->bytes), std::string(subtitle_content_type(name)),
                                           "raw_subtitle", "subtitle"});
  }
  std::string keys;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < assets.size(); ++i) {
    auto stored = runtime::store_segment_asset(*db_, *blobs_, segment.id, assets[i]);
    if (!stored.ok()) {
      return outcome_for(stored.error(), label + " store" + (count == 1 ? "" : " part " + part_label(i, count)));
    }
    keys += (keys.empty() ? "" : ", ") + stored->blob.key;
    bytes += stored->blob.bytes;
    ++counts_.parts_stored;
  }
  if (count > 1) ++counts_.multi_part_episodes;
  return runtime::SegmentOutcome::stored(label + " -> " + (count == 1 ? "" : std::to_string(count) + " parts: ") +
                                         keys + " (" + chosen.language.value_or("?") + ", " +
                                         std::to_string(bytes) + " bytes)");
}

void EpisodeDownloader::sync_search_counts() {
  counts_.searches = search_.counts().searches;
  counts_.fallback_searches = search_.counts().fallback_searches;
}

nlohmann::json EpisodeDownloader::report() const {
  nlohmann::json show = nullptr;
  const ShowIdentity& identity = search_.show();
  if (!identity.ids.empty()) {
    auto id = [](const std::optional<std::int64_t>& v) {
      return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    show = {{"title", identity.title},
            {"parentFeatureId", id(identity.ids.feature_id)},
            {"parentImdbId", id(identity.ids.imdb_id)},
            {"parentTmdbId", id(identity.ids.tmdb_id)},
            {"learnedFrom", search_.learned_from().value_or("")}};
  }
  return {{"show", show},
          {"searchesById", search_.counts().searches_by_id},
          {"extraPages", search_.counts().extra_pages},
          {"multiPartEpisodes", counts_.multi_part_episodes},
          {"partsStored", counts_.parts_stored}};
}

}  // namespace scrapers::opensubtitles
