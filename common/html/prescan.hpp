// A cheap byte scan of an HTML page that bounds the work before gumbo sees it.
//
// gumbo 0.10 is quadratic in nesting depth and in attributes per element (100k
// nested <div> take about 30 s, 200k attributes on one element over 4 minutes) and
// its memory grows with the node count. prescan_html() walks the text once, in
// linear time, tracking tags approximately (an open-element stack with the usual
// implied ends, void elements, comments, <!DOCTYPE>, raw text of <script>, <style>,
// <textarea>, <title> …, self-closing tags only inside <svg>/<math>) and refuses
// a page beyond the limits: deeper nesting is ErrorKind::layout_changed, more
// attributes on one tag, in total, or more elements is ErrorKind::too_large; each a
// one-line message naming the limit. The counts are estimates that never
// undercount what gumbo would build by much; the limits sit far above any real page.
//
// While scanning it also records each <script> that has an id attribute, with its
// text exactly as gumbo would hand it over when that is certain (no "<!--", CR or
// NUL in it, id without character references, outside <svg>/<math>), so embedded
// JSON can be read without building a DOM (see scanned_page.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"

namespace scrapers::html {

// The limits, and why: the recorded pages (fixtures/chereads, fixtures/readnovel,
// fixtures/html) reach at most depth 11, 6 attributes on a tag, 218 attributes and
// 192 elements; live chapter pages are a few times larger (a few thousand elements,
// depth under 40, under 30 attributes on a tag). Each limit is over 10x above that,
// and the worst pages that pass them all (200k elements with 400k attributes, 8 MiB)
// parse in a few seconds with a peak RSS of about 160 MB, instead of minutes to hours
// and gigabytes.
struct PrescanLimits {
  std::size_t max_depth = 512;
  std::size_t max_attributes_per_tag = 256;
  std::size_t max_attributes = 400'000;  // over the whole page
  std::size_t max_elements = 200'000;
};

struct ScriptText {
  std::string_view id;    // the id attribute's value as written
  std::string_view text;  // the script's content, verbatim
  bool exact = false;     // text is what gumbo would produce; false: read it from the DOM
};

struct PrescanResult {
  std::size_t max_depth = 0;
  std::size_t max_attributes_per_tag = 0;
  std::size_t attributes = 0;
  std::size_t elements = 0;
  std::vector<ScriptText> scripts;    // <script id=…> elements in document order
  bool script_ids_uncertain = false;  // an id the scan cannot read exactly (entities, foreign content)

  // The first script whose id is `id`; nullopt when none was seen.
  const ScriptText* script(std::string_view id) const noexcept;
};

// Scans UTF-8 (or any ASCII-compatible) HTML text; an Error when a limit is exceeded.
Result<PrescanResult> prescan_html(std::string_view html, const PrescanLimits& limits = {});

}  // namespace scrapers::html
