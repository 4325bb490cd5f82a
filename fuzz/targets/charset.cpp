// The charset converter: a label (before "\n----\n") and bytes. A conversion that
// succeeds gives valid UTF-8; with replacement it always succeeds for a known label.
#include "common/text/charset.hpp"
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(charset) {
  const auto [label, bytes] = fuzz::split_input(input);
  if (auto strict = text::convert_to_utf8(bytes, label, text::InvalidBytes::reject))
    FUZZ_CHECK(text::is_valid_utf8(*strict));
  if (auto lossy = text::convert_to_utf8(bytes, label, text::InvalidBytes::replace))
    FUZZ_CHECK(text::is_valid_utf8(*lossy));
}
