// In-process cost of the opensubtitles parsers: the fixture show page and generated
// show pages of growing size (parse + plan), search responses (parse + choose), and
// building a canonical search query.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scrapers/opensubtitles/api_query.hpp"
#include "scrapers/opensubtitles/parse.hpp"
#include "scrapers/opensubtitles/search_response.hpp"
#include "scrapers/opensubtitles/show_plan.hpp"
#include "scrapers/opensubtitles/subtitle_choice.hpp"

namespace {

using namespace scrapers::opensubtitles;

constexpr const char* kUrl = "https://www.opensubtitles.com/en/tvshows/2024-solo-leveling";

std::string fixture(const std::string& relative) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/opensubtitles/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A show page shaped like the fixture with `seasons` seasons of `episodes` episodes each.
std::string generated_show(int seasons, int episodes) {
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Show</title></head><body>"
      "<h1>Generated Show</h1><ul id=\"accordion-list\" class=\"panel-group\">";
  for (int s = 1; s <= seasons; ++s) {
    html +=
        "<li class=\"panel panel-default\"><div class=\"panel-heading\"><h4 class=\"panel-title\">"
        "<a class=\"box-sub-season-link\" href=\"#season-" +
        std::to_string(s) + "\">Season " + std::to_string(s) +
        "</a></h4></div><div class=\"panel-collapse collapse\"><ul class=\"list-subtitles-inside\">";
    for (int e = 1; e <= episodes; ++e) {
      char label[32];
      std::snprintf(label, sizeof label, "S%02dE%02d", s, e);
      html += "<li class=\"box-sub\"><span class=\"label label-default\">" + std::string(label) +
              "</span><div class=\"box-sub-headline\"><a href=\"/en/tvshows/2024-show/seasons/" +
              std::to_string(s) + "/episodes/" + std::to_string(e) + "-episode\">Episode \u2019" +
              std::to_string(e) +
              "\u2019 \u2014 \ub808\ubca8\uc5c5</a></div><div class=\"box-sub-meta\">12&nbsp;subtitles</div></li>";
    }
    html += "</ul></div></li>";
  }
  return html + "</ul></body></html>";
}

void parse_and_plan(benchmark::State& state, const std::string& page) {
  std::size_t episodes = 0;
  for (auto _ : state) {
    auto parsed = parse_show_page(page, kUrl);
    if (!parsed.ok()) state.SkipWithError(parsed.error().describe().c_str());
    const ShowPlan plan = plan_show(*parsed);
    episodes = plan.total_episodes;
    benchmark::DoNotOptimize(plan);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
  state.counters["episodes"] = static_cast<double>(episodes);
  state.counters["episodes/s"] = benchmark::Counter(
      static_cast<double>(episodes) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_ShowPageFixture(benchmark::State& state) {
  parse_and_plan(state, fixture("site/tvshow-2024-solo-leveling.html"));
}
BENCHMARK(BM_ShowPageFixture);

void BM_ShowPageGenerated(benchmark::State& state) {
  parse_and_plan(state, generated_show(static_cast<int>(state.range(0)), 50));
}
BENCHMARK(BM_ShowPageGenerated)->Arg(2)->Arg(20)->Arg(100);

void BM_SearchParseAndChoose(benchmark::State& state, const char* name) {
  const std::string body = fixture(name);
  const ChoiceOptions options{{"en"}, false};
  for (auto _ : state) {
    auto page = parse_search_response(body);
    if (!page.ok()) state.SkipWithError(page.error().describe().c_str());
    benchmark::DoNotOptimize(choose_subtitle(page->results, options));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}
BENCHMARK_CAPTURE(BM_SearchParseAndChoose, machine_translated_first,
                  "api/search-s01e02-machine-translated-first.json");
BENCHMARK_CAPTURE(BM_SearchParseAndChoose, null_fields, "api/search-s01e04-null-fields.json");

void BM_SearchTarget(benchmark::State& state) {
  SearchQuery query;
  query.query = "Solo Leveling \u2014 \ub098 \ud63c\uc790\ub9cc \ub808\ubca8\uc5c5";
  query.season_number = 2;
  query.episode_number = 13;
  query.languages = "pt-BR,en,zh-CN";
  for (auto _ : state) benchmark::DoNotOptimize(search_target(query));
}
BENCHMARK(BM_SearchTarget);

}  // namespace

BENCHMARK_MAIN();
