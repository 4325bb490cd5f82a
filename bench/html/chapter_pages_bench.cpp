// Parse + extract rate of the fixtures' chapter pages (chereads and readnovel), the
// DOM path (gumbo tree, then selectors / script JSON) against the pre-scan fast path
// (embedded JSON read by a byte scan, no DOM when it holds the chapter), in one run.
// Each repetition times both paths over every page for at least --min-ms; the medians
// of --reps repetitions are printed with the ratio, and the pre-scan alone for scale,
// over every chapter page and over those whose chapter is in the embedded JSON (the
// others still need the DOM: HTML-only pages take the same path both ways).
//
//   chapter_pages_bench [--reps 7] [--min-ms 400] [--profile-fast SECONDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "common/html/prescan.hpp"
#include "scrapers/chereads/parse.hpp"
#include "scrapers/readnovel/parse.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Page {
  std::string body;
  bool chereads = true;
  bool in_json = false;  // the chapter comes from the page's embedded JSON
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every chapter page of fixtures/chereads, fixtures/readnovel and the two in fixtures/html.
std::vector<Page> chapter_pages() {
  std::vector<Page> pages;
  const fs::path root = fs::path(SCRAPERS_SOURCE_DIR) / "fixtures";
  for (const bool chereads : {true, false}) {
    for (const auto& entry : fs::directory_iterator(root / (chereads ? "chereads" : "readnovel"))) {
      const std::string name = entry.path().filename().string();
      const bool chapter = name.starts_with("chapter-") || name.starts_with("getchapter-");
      if (entry.path().extension() == ".html" && chapter && !name.starts_with("chapters-")) {
        pages.push_back({read(entry.path()), chereads});
      }
    }
  }
  pages.push_back({read(root / "html" / "chereads_chapter.html"), true});
  pages.push_back({read(root / "html" / "readnovel_chapter.html"), false});
  return pages;
}

constexpr const char* kChereads = "https://www.chereads.com/novel/34048845808168505/86954917348045530";
constexpr const char* kReadnovel = "https://readnovel.eu/novel/x/chapter-1";
constexpr const char* kHtml = "text/html; charset=utf-8";

std::size_t parse_all(const std::vector<Page>& pages, scrapers::html::ParsePath path) {
  std::size_t ok = 0;
  for (const Page& page : pages) {
    if (page.chereads) {
      ok += scrapers::chereads::parse_chapter_page(page.body, kChereads, kHtml, path).ok();
    } else {
      ok += scrapers::readnovel::parse_chapter_page(page.body, kReadnovel, kHtml, path).ok();
    }
  }
  return ok;
}

// Marks the pages whose chapter (or its lock, or its too-short text) the JSON holds.
void mark_json_pages(std::vector<Page>& pages) {
  using scrapers::chereads::ContentSource;
  for (Page& page : pages) {
    if (page.chereads) {
      const auto read = scrapers::chereads::parse_chapter_page(page.body, kChereads, kHtml);
      page.in_json = read.ok() ? read->source == ContentSource::embedded_json
                               : read.error().kind == scrapers::ErrorKind::missing_field;
    } else {
      const auto read = scrapers::readnovel::parse_chapter_page(page.body, kReadnovel, kHtml);
      page.in_json = read.ok() && read->source == scrapers::readnovel::ContentSource::next_data;
    }
  }
}

struct Medians {
  double dom = 0, fast = 0, scan = 0;
};

// Pages per second of `pass` (one pass over `pages` each call), timed for at least min_ms.
double rate(const std::vector<Page>& pages, const std::function<void()>& pass, long min_ms) {
  std::size_t passes = 0;
  const auto start = Clock::now();
  auto elapsed = Clock::duration::zero();
  while (elapsed < std::chrono::milliseconds(min_ms)) {
    pass();
    ++passes;
    elapsed = Clock::now() - start;
  }
  return static_cast<double>(passes * pages.size()) / std::chrono::duration<double>(elapsed).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

long arg(int argc, char** argv, const std::string& name, long fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return std::strtol(argv[i + 1], nullptr, 10);
  }
  return fallback;
}

// Medians of both paths (and the scan alone) over `pages`.
Medians measure(const std::vector<Page>& pages, long reps, long min_ms) {
  using scrapers::html::ParsePath;
  std::vector<double> dom, fast, scan;
  for (long r = 0; r < reps; ++r) {
    dom.push_back(rate(
        pages, [&] { parse_all(pages, ParsePath::dom_only); }, min_ms));
    fast.push_back(rate(
        pages, [&] { parse_all(pages, ParsePath::scan_first); }, min_ms));
    scan.push_back(rate(
        pages,
        [&] {
          for (const Page& p : pages) (void)scrapers::html::prescan_html(p.body);
        },
        min_ms));
  }
  return {median(dom), median(fast), median(scan)};
}

void print(const char* what, std::size_t count, const Medians& m) {
  std::printf("%s (%zu pages)\n", what, count);
  std::printf("  DOM path (gumbo, then extract):  %8.0f pages/s (median)\n", m.dom);
  std::printf("  pre-scan + fast path:            %8.0f pages/s (median)\n", m.fast);
  std::printf("  pre-scan alone:                  %8.0f pages/s (median)\n", m.scan);
  std::printf("  ratio fast / DOM:                %8.2fx\n", m.fast / m.dom);
}

}  // namespace

int main(int argc, char** argv) {
  const long reps = std::max(1L, arg(argc, argv, "--reps", 7));
  const long min_ms = std::max(1L, arg(argc, argv, "--min-ms", 400));
  const long profile_seconds = arg(argc, argv, "--profile-fast", 0);
  std::vector<Page> pages = chapter_pages();
  using scrapers::html::ParsePath;
  const std::size_t ok_dom = parse_all(pages, ParsePath::dom_only);
  const std::size_t ok_fast = parse_all(pages, ParsePath::scan_first);
  mark_json_pages(pages);
  std::vector<Page> json_pages;
  std::copy_if(pages.begin(), pages.end(), std::back_inserter(json_pages),
               [](const Page& p) { return p.in_json; });
  if (profile_seconds > 0) {  // the fast path alone over the JSON pages, for perf
    const auto pass = [&] { parse_all(json_pages, ParsePath::scan_first); };
    std::printf("%.0f pages/s\n", rate(json_pages, pass, profile_seconds * 1000));
    return 0;
  }
  std::printf("%zu chapter pages (%zu parse to a chapter on both paths: %s), %ld repetitions of >= %ld ms\n",
              pages.size(), ok_dom, ok_dom == ok_fast ? "same" : "DIFFERENT", reps, min_ms);
  print("every chapter page", pages.size(), measure(pages, reps, min_ms));
  print("pages whose chapter is in the embedded JSON", json_pages.size(), measure(json_pages, reps, min_ms));
  return ok_dom == ok_fast ? 0 : 1;
}
