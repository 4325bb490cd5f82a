// In-process cost of the chereads parsers on the fixture pages: one chapter page parsed
// and extracted (title + paragraphs) per iteration, for each page form, and the same
// plus building the stored HTML document; the novel page's chapter list for comparison.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scrapers/chereads/parse.hpp"
#include "scrapers/runtime/chapter_document.hpp"

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/chereads/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (out.str().empty()) throw std::runtime_error("missing fixture " + name);
  return out.str();
}

constexpr const char* kUrl = "https://www.chereads.com/novel/34048845808168505/86954917348045530";

void parse_page(benchmark::State& state, const std::string& name, bool build_document) {
  const std::string body = fixture(name);
  std::size_t characters = 0;
  for (auto _ : state) {
    auto page = scrapers::chereads::parse_chapter_page(body, kUrl);
    if (!page.ok()) {
      state.SkipWithError(page.error().describe().c_str());
      return;
    }
    characters = page->characters;
    if (build_document) {
      benchmark::DoNotOptimize(scrapers::runtime::build_chapter_document(page->title, page->paragraphs));
    }
    benchmark::DoNotOptimize(page);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));  // pages
  state.counters["page_bytes"] = static_cast<double>(body.size());
  state.counters["text_chars"] = static_cast<double>(characters);
}

void ChapterPageViteJson(benchmark::State& s) { parse_page(s, "chapter-34048845808168505-1.html", false); }
void ChapterPageNextJson(benchmark::State& s) { parse_page(s, "chapter-34048845808168505-3.html", false); }
void ChapterPageHtmlOnly(benchmark::State& s) { parse_page(s, "chapter-34048845808168505-4.html", false); }
void ChapterPageToDocument(benchmark::State& s) { parse_page(s, "chapter-34048845808168505-2.html", true); }

void NovelPageChapterList(benchmark::State& state) {
  const std::string body = fixture("novel-34048845808168505.html");
  for (auto _ : state) {
    auto list = scrapers::chereads::parse_chapter_list(body, "https://www.chereads.com/novel/34048845808168505");
    if (!list.ok()) {
      state.SkipWithError(list.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(list);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}

BENCHMARK(ChapterPageViteJson)->Unit(benchmark::kMicrosecond);
BENCHMARK(ChapterPageNextJson)->Unit(benchmark::kMicrosecond);
BENCHMARK(ChapterPageHtmlOnly)->Unit(benchmark::kMicrosecond);
BENCHMARK(ChapterPageToDocument)->Unit(benchmark::kMicrosecond);
BENCHMARK(NovelPageChapterList)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
