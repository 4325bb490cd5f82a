// In-process timings of the readnovel parsers and the text cleaner: the chapter
// list (5,000 generated chapters), getchapter JSON, both chapter-page fallbacks, text
// cleaning and the document builder.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "scrapers/readnovel/parse.hpp"
#include "scrapers/readnovel/text_clean.hpp"
#include "scrapers/readnovel/watermark.hpp"
#include "scrapers/runtime/chapter_document.hpp"

namespace {

using namespace scrapers::readnovel;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/readnovel/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string generated_list(int chapters) {
  std::string body = "[";
  for (int i = 1; i <= chapters; ++i) {
    if (i > 1) body += ',';
    body += R"({"id":)" + std::to_string(500000 + i) + R"(,"index":)" + std::to_string(i) +
            R"(,"title":"Chapter )" + std::to_string(i) +
            R"( — The Exile’s Return","novSlugChapSlug":"bench-novel-)" + std::to_string(i) +
            R"(","timeAdded":"March 5 2023"})";
  }
  return body + "]";
}

std::string long_text() {
  const std::string text = nlohmann::json::parse(fixture("getchapter-the-quiet-lantern-2.json"))["text"];
  std::string out;
  for (int i = 0; i < 8; ++i) out += text + "\n";
  return out;
}

void BM_ChapterList5000(benchmark::State& state) {
  const std::string body = generated_list(5000);
  for (auto _ : state) {
    auto list = parse_chapter_list(body, "u");
    benchmark::DoNotOptimize(list);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(body.size()));
}
BENCHMARK(BM_ChapterList5000)->Unit(benchmark::kMillisecond);

void BM_ChapterJson(benchmark::State& state) {
  const std::string body = fixture("getchapter-the-quiet-lantern-2.json");
  for (auto _ : state) benchmark::DoNotOptimize(parse_chapter_json(body, "u"));
}
BENCHMARK(BM_ChapterJson)->Unit(benchmark::kMicrosecond);

void BM_ChapterPageNextData(benchmark::State& state) {
  const std::string body = fixture("chapter-the-quiet-lantern-3.html");
  for (auto _ : state) benchmark::DoNotOptimize(parse_chapter_page(body, "u"));
}
BENCHMARK(BM_ChapterPageNextData)->Unit(benchmark::kMicrosecond);

void BM_ChapterPageDomLines(benchmark::State& state) {
  const std::string body = fixture("chapter-the-quiet-lantern-4.html");
  for (auto _ : state) benchmark::DoNotOptimize(parse_chapter_page(body, "u"));
}
BENCHMARK(BM_ChapterPageDomLines)->Unit(benchmark::kMicrosecond);

void BM_CleanChapterText(benchmark::State& state) {
  const std::string text = long_text();
  for (auto _ : state) benchmark::DoNotOptimize(clean_chapter_text(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CleanChapterText)->Unit(benchmark::kMicrosecond);

void BM_WatermarkLine(benchmark::State& state) {
  const std::string line = "“You read that on NovelFull?” Min-seo laughed. “Those copies are full of mistakes.”";
  for (auto _ : state) benchmark::DoNotOptimize(is_watermark_line(line));
}
BENCHMARK(BM_WatermarkLine);

void BM_BuildDocument(benchmark::State& state) {
  const CleanedText text = clean_chapter_text(long_text());
  for (auto _ : state) {
    benchmark::DoNotOptimize(scrapers::runtime::build_chapter_document("Chapter 2: Ink and Ash", text.paragraphs));
  }
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
