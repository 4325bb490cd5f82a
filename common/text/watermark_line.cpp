#include "common/text/watermark_line.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "common/text/confusables.hpp"
#include "common/text/utf8.hpp"

namespace scrapers::text {
namespace {

constexpr std::size_t kMaxWatermarkWords = 40;
constexpr std::size_t kMaxBrandLength = 24;

// Aggregator names as folded, joined words (brand spelled "Novel Full" or
// "n-o-v-e-l-f-u-l-l" folds to the same).
constexpr std::string_view kBrands[] = {
    "allnovel",       "allnovelfull",   "bednovel",        "boxnovel",  "freewebnovel",    "lightnovelcave",
    "lightnovelpub",  "lightnovelspot", "lightnovelworld", "mtlnovel",  "novelbin",        "novelbuddy",
    "novelcool",      "novelfull",      "novelhall",       "novelnext", "novelonlinefull", "pandanovel",
    "readlightnovel", "readnovelfull",  "royalroad",       "webnovel",  "wuxiaworld",
};

constexpr std::string_view kTopLevelDomains[] = {
    "com",  "net",    "org",  "co",  "io", "me", "cc", "xyz", "info",
    "site", "online", "club", "top", "eu", "us", "to", "tv",
};

// Words that occur in watermark sentences. Folded: "0" reads "o", "1" reads "l".
constexpr std::string_view kVocabulary[] = {
    "a",          "amazon",     "an",         "and",      "any",        "app",      "appears",   "are",
    "at",         "authorized", "available",  "be",       "best",       "better",   "book",      "books",
    "browser",    "by",         "can",        "chapter",  "chapters",   "check",    "click",     "content",
    "continue",   "continues",  "copy",       "date",     "discover",   "download", "else",      "elsewhere",
    "enjoy",      "exclusive",  "experience", "explore",  "faster",     "fastest",  "find",      "first",
    "for",        "found",      "free",       "from",     "full",       "get",      "go",        "has",
    "been",       "here",       "hosted",     "http",     "https",      "if",       "illegally", "in",
    "instances",  "is",         "it",         "its",      "latest",     "lifted",   "more",      "most",
    "narrative",  "new",        "newest",     "novel",    "novels",     "of",       "official",  "on",
    "online",     "only",       "or",         "original", "originally", "our",      "out",       "permission",
    "please",     "posted",     "published",  "read",     "reader",     "readers",  "reading",   "report",
    "site",       "source",     "spot",       "stolen",   "stories",    "story",    "support",   "taken",
    "tale",       "thank",      "thanks",     "that",     "the",        "this",     "to",        "unauthorized",
    "unlawfully", "up",         "update",     "updated",  "updates",    "uptodate", "usage",     "use",
    "version",    "via",        "violation",  "visit",    "visiting",   "we",       "web",       "website",
    "with",       "without",    "www",        "you",      "your",
};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_tld(std::string_view word) { return contains(kTopLevelDomains, word); }

// Quotation marks or a question mark: the line is (part of) dialogue.
bool has_dialogue_marks(std::string_view line) {
  for (std::size_t pos = 0; pos < line.size();) {
    const DecodedCodePoint d = decode_utf8(line, pos);
    pos += d.length;
    switch (d.cp) {
      case '"':
      case '?':
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x00AB:
      case 0x00BB:
      case 0x300C:
      case 0x300D:
      case 0x300E:
      case 0x300F:
      case 0xFF02:
      case 0xFF1F: return true;
      default: break;
    }
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view folded) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < folded.size();) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

struct BrandMatch {
  std::size_t end = 0;     // one past the last word of the brand
  bool as_domain = false;  // written with a TLD
};

// The longest brand spelled by words[begin..], possibly with a TLD glued on.
std::optional<BrandMatch> match_brand(const std::vector<std::string_view>& words, std::size_t begin) {
  std::optional<BrandMatch> best;
  std::string joined;
  for (std::size_t end = begin; end < words.size(); ++end) {
    joined += words[end];
    if (joined.size() > kMaxBrandLength + 6) break;
    for (std::string_view brand : kBrands) {
      if (std::string_view(joined).substr(0, brand.size()) != brand) continue;
      const std::string_view rest = std::string_view(joined).substr(brand.size());
      if (rest.empty() || is_tld(rest)) best = BrandMatch{end + 1, !rest.empty()};
    }
  }
  return best;
}

}  // namespace

bool is_watermark_line(std::string_view line) {
  const std::string folded = fold_confusables(line);
  const std::vector<std::string_view> words = split_words(folded);
  if (words.empty() || words.size() > kMaxWatermarkWords) return false;
  bool found_brand = false;
  bool domain = false;
  for (std::size_t i = 0; i < words.size();) {
    if (auto brand = match_brand(words, i)) {
      found_brand = true;
      domain = domain || brand->as_domain || (brand->end < words.size() && is_tld(words[brand->end])) ||
               (i > 0 && words[i - 1] == "www");
      i = brand->end;
      continue;
    }
    if (!contains(kVocabulary, words[i]) && !is_tld(words[i])) return false;
    ++i;
  }
  return found_brand && (domain || !has_dialogue_marks(line));
}

}  // namespace scrapers::text
