#include "scrapers/opensubtitles/parse.hpp"

#include <cctype>
#include <utility>

#include "common/html/document.hpp"
#include "common/text/ascii.hpp"
#include "common/text/challenge.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/layout_error.hpp"
#include "scrapers/opensubtitles/url_resolve.hpp"

namespace scrapers::opensubtitles {
namespace {

constexpr std::string_view kSeasonList = "#accordion-list";
constexpr std::string_view kPanels = "#accordion-list > li.panel";
constexpr std::string_view kSeasonHeader = ".box-sub-season-link";
constexpr std::string_view kEpisodes = ".list-subtitles-inside > li.box-sub";
constexpr std::string_view kEpisodeLabel = ".label-default";
constexpr std::string_view kEpisodeLink = ".box-sub-headline a";

std::string visible_text(const html::HtmlNode& node) {
  html::TextOptions options;
  options.nbsp_to_space = true;
  return text::collapse_whitespace(node.text(options));
}

ShowEpisode read_episode(const html::HtmlNode& item, std::string_view page_url) {
  ShowEpisode episode;
  if (const auto label = item.select_first(kEpisodeLabel)) episode.label = visible_text(*label);
  episode.code = parse_episode_code(episode.label);
  if (const auto link = item.select_first(kEpisodeLink)) {
    episode.title = visible_text(*link);
    if (const auto href = link->attr("href")) {
      episode.url = detail::resolve_link(page_url, *href).value_or("");
    }
  }
  return episode;
}

Result<ShowSeason> read_season(const html::HtmlNode& panel, std::size_t index, std::string_view page_url,
                               std::vector<std::string>& warnings) {
  const auto header = panel.select_first(kSeasonHeader);
  if (!header) {
    return layout_not_recognised("show page: season panel " + std::to_string(index + 1) + " has no " +
                                     std::string(kSeasonHeader),
                                 std::string(page_url));
  }
  ShowSeason season;
  season.header = visible_text(*header);
  season.number = season_number_of(season.header);
  for (const auto& item : panel.select(kEpisodes)) {
    ShowEpisode episode = read_episode(item, page_url);
    if (episode.label.empty()) {
      warnings.push_back("an episode of '" + season.header + "' has no code label; skipped");
      continue;
    }
    if (episode.url.empty()) {
      warnings.push_back("episode " + episode.label + " of '" + season.header + "' has no usable link");
    }
    season.episodes.push_back(std::move(episode));
  }
  return season;
}

}  // namespace

std::size_t ShowPage::episode_count() const {
  std::size_t n = 0;
  for (const auto& season : seasons) n += season.episodes.size();
  return n;
}

bool is_challenge_page(std::string_view body) { return text::body_has_challenge_marker(body); }

std::optional<int> season_number_of(std::string_view header) {
  const std::string lower = text::to_ascii_lower(header);
  for (std::size_t pos = lower.find("season"); pos != std::string::npos; pos = lower.find("season", pos + 1)) {
    std::size_t i = pos + 6;
    const std::size_t space_start = i;
    while (i < lower.size() && text::is_ascii_space(lower[i])) ++i;
    if (i == space_start) continue;
    const std::size_t digits_start = i;
    int value = 0;
    while (i < lower.size() && i - digits_start < 7 && std::isdigit(static_cast<unsigned char>(lower[i])) != 0) {
      value = value * 10 + (lower[i] - '0');
      ++i;
    }
    const std::size_t digits = i - digits_start;
    if (digits >= 1 && digits <= 6) return value;
  }
  return std::nullopt;
}

bool is_tvshow_path(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view locale = path.substr(0, slash);
  if (locale.empty() || locale.size() > 8) return false;
  for (char c : locale) {
    if (std::isalpha(static_cast<unsigned char>(c)) == 0 && c != '-') return false;
  }
  path.remove_prefix(slash + 1);
  constexpr std::string_view kTvshows = "tvshows/";
  if (path.substr(0, kTvshows.size()) != kTvshows) return false;
  path.remove_prefix(kTvshows.size());
  if (path.size() < 6 || path[4] != '-') return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (std::isdigit(static_cast<unsigned char>(path[i])) == 0) return false;
  }
  for (char c : path.substr(5)) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
                    c == '%';
    if (!ok) return false;
  }
  return true;
}

Result<ShowPage> parse_show_page(std::string_view body, std::string_view page_url, std::string_view content_type) {
  if (is_challenge_page(body)) {
    return make_error(ErrorKind::blocked, "Cloudflare challenge instead of the show page", std::string(page_url));
  }
  auto document = html::HtmlDocument::parse(std::string(body), content_type);
  if (!document.ok()) return std::move(document).error();
  if (!document->select_first(kSeasonList)) {
    return layout_not_recognised("show page: no season list (#accordion-list)", std::string(page_url));
  }
  const auto panels = document->select(kPanels);
  if (panels.empty()) {
    return layout_not_recognised("show page: the season list has no li.panel entries", std::string(page_url));
  }
  ShowPage page;
  if (const auto h1 = document->select_first("h1")) page.title = visible_text(*h1);
  for (std::size_t i = 0; i < panels.size(); ++i) {
    auto season = read_season(panels[i], i, page_url, page.warnings);
    if (!season.ok()) return std::move(season).error();
    page.seasons.push_back(std::move(*season));
  }
  if (page.episode_count() == 0) {
    return layout_not_recognised(
        "show page: no season panel lists an episode (are episodes loaded by script now?)", std::string(page_url));
  }
  return page;
}

}  // namespace scrapers::opensubtitles
