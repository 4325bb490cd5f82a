// Throughput of the HTML layer: parse + select on pages shaped like the sites' pages
// and on a generated ~1 MB chapter page; selector matching, text extraction and
// serialisation on an already parsed page.
//
//   html_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "common/html/document.hpp"
#include "common/html/script_json.hpp"

namespace {

using scrapers::html::HtmlDocument;
using scrapers::html::HtmlOptions;
using scrapers::html::Selector;
using scrapers::html::TextOptions;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/html/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A readnovel-shaped chapter page of at least min_bytes: one div#chapterText per
// line, an ad block every 17 lines, and the text again in __NEXT_DATA__.
std::string generated_page(std::size_t min_bytes) {
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>Chapter 2</title></head><body><div id=__next>"
      "<h1 class=\"mantine-Title-root mantine-1x2y3z\">Chapter 2: The Weakest Hunter’s Oath</h1>"
      "<div class=\"mantine-Paper-root mantine-p9q8r7\">";
  std::string json_text;
  for (int line = 1; html.size() + json_text.size() < min_bytes; ++line) {
    const std::string text =
        "Line " + std::to_string(line) +
        ": “Again?” Jin-Woo sighed… the gate — a blue rift — hummed &amp; glowed. 그는 웃었다.";
    html += "<div><div class=\"mantine-Text-root mantine-1ekvxsp\" id=\"chapterText\">" + text + "</div></div>\n";
    json_text += text + "\\n";
    if (line % 17 == 0) {
      html +=
          "<div class=ad-container><ins class=adsbygoogle data-ad-client=ca-pub-0 data-ad-slot=1></ins>"
          "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>\n";
    }
  }
  html +=
      "</div></div><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":"
      "{\"dehydratedState\":{\"queries\":[{\"state\":{\"data\":{\"id\":86954917348045530,\"text\":\"" +
      json_text + "\"}}}]}}}}</script></body></html>";
  return html;
}

const std::string& big_page() {
  static const std::string page = generated_page(std::size_t{1} << 20);
  return page;
}

void parse_and_select(benchmark::State& state, const std::string& page, const char* selector) {
  const Selector sel = Selector::parse(selector).value();
  for (auto _ : state) {
    auto doc = HtmlDocument::parse(page);
    benchmark::DoNotOptimize(doc.value().select(sel).size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(page.size()));
  state.counters["page_bytes"] = static_cast<double>(page.size());
}

void BM_ParseSelect_ReadnovelChapter(benchmark::State& state) {
  parse_and_select(state, read_fixture("readnovel_chapter.html"), "div#chapterText");
}
void BM_ParseSelect_ChereadsList(benchmark::State& state) {
  parse_and_select(state, read_fixture("chereads_novel.html"),
                   "ul[class^=\"ChapterItems_list__\"] > li > a[href]");
}
void BM_ParseSelect_ChereadsChapter(benchmark::State& state) {
  parse_and_select(state, read_fixture("chereads_chapter.html"), "main#content[data-type='western'] p");
}
void BM_ParseSelect_OpensubtitlesShow(benchmark::State& state) {
  parse_and_select(state, read_fixture("opensubtitles_tvshow.html"), "#accordion-list > li.panel li.box-sub");
}
void BM_ParseSelect_Generated1MB(benchmark::State& state) {
  parse_and_select(state, big_page(), "div#chapterText");
}

void BM_ParseOnly_Generated1MB(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(HtmlDocument::parse(big_page()).ok());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_page().size()));
}

void BM_NextDataJson_Generated1MB(benchmark::State& state) {
  for (auto _ : state) {
    const auto doc = HtmlDocument::parse(big_page()).value_or_throw();
    const auto json = scrapers::html::extract_script_json(doc, {"script#__NEXT_DATA__"});
    benchmark::DoNotOptimize(json.ok());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_page().size()));
}

// Selector matching alone over the parsed 1 MB page (bytes = page size per pass).
void BM_SelectOnly_Generated1MB(benchmark::State& state, const char* selector) {
  const HtmlDocument doc = HtmlDocument::parse(big_page()).value_or_throw();
  const Selector sel = Selector::parse(selector).value();
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = doc.select(sel).size();
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_page().size()));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK_CAPTURE(BM_SelectOnly_Generated1MB, id, "div#chapterText");
BENCHMARK_CAPTURE(BM_SelectOnly_Generated1MB, class_prefix_child,
                  "div[class^=\"mantine-Paper\"] > div > div[class*=Text-root]");
BENCHMARK_CAPTURE(BM_SelectOnly_Generated1MB, descendant_list,
                  "#__next .mantine-Paper-root ins, h1, script#__NEXT_DATA__");
BENCHMARK_CAPTURE(BM_SelectOnly_Generated1MB, nth_child, "div:nth-child(2n+1) > div:first-child");

void BM_TextExtraction_Generated1MB(benchmark::State& state) {
  const HtmlDocument doc = HtmlDocument::parse(big_page()).value_or_throw();
  const auto paper = doc.select_first(".mantine-Paper-root").value();
  TextOptions options;
  options.drop_ads = true;
  for (auto _ : state) benchmark::DoNotOptimize(paper.text(options).size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_page().size()));
}

void BM_InnerHtmlWithoutAds_Generated1MB(benchmark::State& state) {
  const HtmlDocument doc = HtmlDocument::parse(big_page()).value_or_throw();
  const auto paper = doc.select_first(".mantine-Paper-root").value();
  HtmlOptions options;
  options.drop_scripts = true;
  options.drop_ads = true;
  for (auto _ : state) benchmark::DoNotOptimize(paper.inner_html(options).size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_page().size()));
}

void BM_SelectorCompile(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        Selector::parse("ul[class^=\"ChapterItems_list__\"] > li > a[href], h1.text-1\\.3em").ok());
  }
}

}  // namespace

BENCHMARK(BM_ParseSelect_ReadnovelChapter);
BENCHMARK(BM_ParseSelect_ChereadsList);
BENCHMARK(BM_ParseSelect_ChereadsChapter);
BENCHMARK(BM_ParseSelect_OpensubtitlesShow);
BENCHMARK(BM_ParseSelect_Generated1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseOnly_Generated1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NextDataJson_Generated1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextExtraction_Generated1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InnerHtmlWithoutAds_Generated1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SelectorCompile);

BENCHMARK_MAIN();
