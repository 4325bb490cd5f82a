// The one wording of a "layout not recognised" failure, so that one query finds every
// page or answer a site has redesigned, whichever program met it:
//   SELECT … FROM pipeline_jobs WHERE error LIKE '%layout not recognised%'
//
// Guarantees: every ErrorKind::layout_changed Error of the suite is made by
// layout_not_recognised(), so its message starts with "layout not recognised: " and
// goes on with what was not recognised; a detail that already starts with the phrase
// (an inner layout error quoted whole) does not repeat it.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers {

inline constexpr std::string_view kLayoutNotRecognised = "layout not recognised";

// ErrorKind::layout_changed, message "layout not recognised: <detail>".
Error layout_not_recognised(std::string_view detail, std::string context = {});

// `message` without a leading "layout not recognised: ", to quote an inner error's
// message inside another one.
std::string_view without_layout_phrase(std::string_view message);

}  // namespace scrapers
