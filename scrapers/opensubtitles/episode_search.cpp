#include "scrapers/opensubtitles/episode_search.hpp"

#include <utility>

#include "common/util/log.hpp"

namespace scrapers::opensubtitles {
namespace {

bool has_more_pages(const SearchPage& answer, int page) {
  return answer.total_pages && *answer.total_pages > page;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

std::string describe_ids(const ShowIds& ids) {
  std::string out;
  auto add = [&](const char* name, const std::optional<std::int64_t>& id) {
    if (id) out += (out.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(*id);
  };
  add("parent_feature_id", ids.feature_id);
  add("parent_imdb_id", ids.imdb_id);
  add("parent_tmdb_id", ids.tmdb_id);
  return out;
}

}  // namespace

EpisodeSearch::EpisodeSearch(ApiClient& client, SearchSettings settings)
    : client_(&client), settings_(std::move(settings)) {
  options_.languages = language_list(settings_.languages);
  options_.allow_ai_translated = settings_.allow_ai_translated;
  show_.title = settings_.show_title;
}

SearchQuery EpisodeSearch::query_for(int season, int episode, int page) const {
  SearchQuery query;
  if (show_.ids.feature_id) {
    query.parent_feature_id = show_.ids.feature_id;
  } else if (show_.ids.imdb_id) {
    query.parent_imdb_id = show_.ids.imdb_id;
  } else if (show_.ids.tmdb_id) {
    query.parent_tmdb_id = show_.ids.tmdb_id;
  } else {
    query.query = settings_.search_text.value_or(settings_.show_title);
  }
  query.season_number = season;
  query.episode_number = episode;
  query.languages = settings_.languages;
  query.allow_ai_translated = settings_.allow_ai_translated;
  if (page > 1) query.page = page;
  return query;
}

Result<ChoiceReport> EpisodeSearch::search_pages(int season, int episode) {
  EpisodeTarget target{show_, season, episode};
  ChoiceReport total;
  for (int page = 1; page <= kMaxSearchPages; ++page) {
    ++counts_.searches;
    if (page > 1) ++counts_.extra_pages;
    if (!show_.ids.empty()) ++counts_.searches_by_id;
    auto answer = client_->search(query_for(season, episode, page));
    if (!answer.ok()) return std::move(answer).error();
    ChoiceReport report = choose_episode_subtitle(answer->results, options_, target);
    total.add_counts(report);
    if (report.choice || !report.ambiguous_ids.empty()) {
      total.choice = std::move(report.choice);
      total.certain_ids = std::move(report.certain_ids);
      total.ambiguous_ids = std::move(report.ambiguous_ids);
      return total;
    }
    if (!has_more_pages(*answer, page)) return total;
    if (page == kMaxSearchPages) {
      log::info("OpenSubtitles: " + std::to_string(*answer->total_pages) + " result pages, read the first " +
                std::to_string(kMaxSearchPages) + " (the bound)");
    }
  }
  return total;
}

void EpisodeSearch::remember(const ChoiceReport& report, EpisodeCode code) {
  if (!show_.ids.empty() || !report.certain_ids) return;
  show_.ids = *report.certain_ids;
  learned_from_ = format_episode_code(code);
  log::info("OpenSubtitles: '" + show_.title + "' is " + describe_ids(show_.ids) + " (from " + *learned_from_ +
            "); searching by id from now on");
}

Result<EpisodeFind> EpisodeSearch::find(EpisodeCode code, std::optional<int> sequential_number) {
  const std::string label = format_episode_code(code);
  auto report = search_pages(code.season, code.episode);
  if (!report.ok()) return std::move(report).error();
  if (!report->choice && report->ambiguous_ids.empty() && sequential_number &&
      *sequential_number != code.episode) {
    log::info(label + ": nothing usable; searching again as episode " + std::to_string(*sequential_number));
    ++counts_.fallback_searches;
    auto again = search_pages(code.season, *sequential_number);
    if (!again.ok()) return std::move(again).error();
    again->add_counts(*report);
    report = std::move(again);
  }
  EpisodeFind found;
  if (report->choice) {
    remember(*report, code);
    found.choice = std::move(report->choice);
    return found;
  }
  if (!report->ambiguous_ids.empty()) {
    found.reason = "results for " + label + " titled '" + show_.title + "' belong to " +
                   std::to_string(report->ambiguous_ids.size()) + " different shows (ids " +
                   id_list(report->ambiguous_ids) + "); not guessing";
    return found;
  }
  const std::string passed_over = report->summary();
  found.reason = "no subtitle found for " + label + " of '" + show_.title + "' in " + settings_.languages +
                 (passed_over.empty() ? "" : " (" + passed_over + ")");
  return found;
}

}  // namespace scrapers::opensubtitles
