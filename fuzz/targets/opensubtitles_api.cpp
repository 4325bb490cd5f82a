// The OpenSubtitles REST answers (search, download, login, error bodies) over any
// bytes. A login's base host is a bare host name; server messages are UTF-8; an
// episode's subtitle is only ever chosen among results of its show, season and episode.
#include <vector>

#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"
#include "scrapers/opensubtitles/api_responses.hpp"
#include "scrapers/opensubtitles/search_response.hpp"
#include "scrapers/opensubtitles/show_match.hpp"
#include "scrapers/opensubtitles/subtitle_choice.hpp"

using namespace scrapers;

namespace {
// Defined below the target: FUZZ_CHECK needs the name the target macro declares.
void check_episode_choice(const std::vector<opensubtitles::SubtitleResult>& results);
}  // namespace

SCRAPERS_FUZZ_TARGET(opensubtitles_api) {
  if (auto page = opensubtitles::parse_search_response(input)) check_episode_choice(page->results);
  (void)opensubtitles::normalize_show_title(input);
  (void)opensubtitles::parse_download_response(input);
  if (auto login = opensubtitles::parse_login_response(input)) {
    FUZZ_CHECK(login->base_host.find('/') == std::string::npos);
    FUZZ_CHECK(login->base_host.find('@') == std::string::npos);
  }
  (void)opensubtitles::describe_api_failure(406, input, "download");
  FUZZ_CHECK(text::is_valid_utf8(opensubtitles::server_message(input)));
}

namespace {

// The choice for the seeds' show (by title, then by the first result's ids) keeps to it.
void check_episode_choice(const std::vector<opensubtitles::SubtitleResult>& results) {
  opensubtitles::EpisodeTarget target{{"Blue Lock", {}}, 1, 1};
  for (int round = 0; round < 2; ++round) {
    const auto report = opensubtitles::choose_episode_subtitle(results, {{"en"}, false}, target);
    (void)report.summary();
    if (const auto& choice = report.choice) {
      FUZZ_CHECK(choice->result_index < results.size());
      const auto& chosen = results[choice->result_index];
      FUZZ_CHECK(opensubtitles::judge_show(target.show, chosen).verdict == opensubtitles::ShowVerdict::same_show);
      FUZZ_CHECK(opensubtitles::is_episode(chosen, target.season, target.episode));
      FUZZ_CHECK(!choice->parts.empty() && choice->parts.front().file_id == choice->file_id);
    }
    if (results.empty()) return;
    target.show.ids = opensubtitles::show_ids_of(results.front());
  }
}

}  // namespace
