// readnovel's watermark rule is the shared one: common/text/watermark_line.hpp (the
// rule) over common/text/confusables.hpp (the look-alike skeleton), which
// chereads-segment uses too.
#pragma once

#include "common/text/confusables.hpp"
#include "common/text/watermark_line.hpp"

namespace scrapers::readnovel {

using text::fold_confusables;
using text::is_watermark_line;

}  // namespace scrapers::readnovel
