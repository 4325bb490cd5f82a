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
    : client_(&client), db_(&db), blobs_(&blobs), settings_(std::move(settings)) {
  choice_options_.languages = language_list(settings_.languages);
  choice_options_.allow_ai_translated = settings_.allow_ai_translated;
}

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

Result<std::optional<SubtitleChoice>> EpisodeDownloader::search_once(EpisodeCode code, int episode,
                                                                     std::string& passed_over) {
  SearchQuery query;
  query.query = settings_.search_text.value_or(settings_.series_name);
  query.season_number = code.season;
  query.episode_number = episode;
  query.languages = settings_.languages;
  query.allow_ai_translated = settings_.allow_ai_translated;
  ++counts_.searches;
  auto page = client_->search(query);
  if (!page.ok()) return std::move(page).error();
  const ChoiceReport report = choose_subtitle(page->results, choice_options_);
  if (!report.summary().empty()) passed_over = report.summary();
  return report.choice;
}

Result<std::optional<SubtitleChoice>> EpisodeDownloader::find_subtitle(const tracking::Segment& segment,
                                                                       EpisodeCode code,
                                                                       std::string& passed_over) {
  auto first = search_once(code, code.episode, passed_over);
  if (!first.ok() || first->has_value()) return first;
  const auto number = sequential_number(segment);
  if (!number || *number == code.episode) return first;
  log::info(format_episode_code(code) + ": nothing usable; searching again as episode " + std::to_string(*number));
  ++counts_.fallback_searches;
  return search_once(code, *number, passed_over);
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
  std::string passed_over;
  auto choice = find_subtitle(segment, *code, passed_over);
  if (!choice.ok()) return outcome_for(choice.error(), label + " search");
  ++counts_.searched_episodes;
  if (!choice->has_value()) {
    ++counts_.not_found;
    return runtime::SegmentOutcome::skipped("no subtitle found for " + label + " in " + settings_.languages +
                                            (passed_over.empty() ? "" : " (" + passed_over + ")"));
  }
  const SubtitleChoice& chosen = **choice;
  auto file = client_->download(chosen.file_id);
  if (file.ok()) counts_.links_requested += static_cast<std::size_t>(file->links_requested);
  if (!file.ok()) return outcome_for(file.error(), label + " download");
  const std::string name = subtitle_file_name(file->file_name, chosen.file_name, chosen.file_id);
  runtime::SegmentAsset asset{runtime::subtitle_asset_key(segment, code->episode, name), std::move(file->bytes),
                              std::string(subtitle_content_type(name)), "raw_subtitle", "subtitle"};
  auto stored = runtime::store_segment_asset(*db_, *blobs_, segment.id, asset);
  if (!stored.ok()) return outcome_for(stored.error(), label + " store");
  return runtime::SegmentOutcome::stored(label + " -> " + stored->blob.key + " (" + chosen.language.value_or("?") +
                                         ", " + std::to_string(stored->blob.bytes) + " bytes)");
}

}  // namespace scrapers::opensubtitles
