// The one kind of API redirect the OpenSubtitles client follows.
//
// The API answers 301 when a query is not in its canonical form (api_query.hpp). The
// client builds that form itself, so a redirect means the API's form has drifted; it
// is followed (once, by the caller) only when it cannot change what is asked: a GET,
// to the same scheme, host, port and path, whose query holds exactly the same
// parameters, only re-ordered or re-encoded (compared decoded: "%2C" = ",", "+" =
// "%20" = " ", "%2c" = "%2C"). A change of case is a change of value. Anything else
// is refused with an http_status error (the status kept) naming what differs: another
// host (named with its port), another path, or another query (never the query itself).
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::opensubtitles {

// The absolute URL to follow from `url` after `status` with `location`, or why not.
Result<std::string> reencoding_redirect(std::string_view method, std::string_view url, int status,
                                        std::string_view location);

}  // namespace scrapers::opensubtitles
