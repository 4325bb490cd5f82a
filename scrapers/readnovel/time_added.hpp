// The `timeAdded` text of a wuxiaworld.eu chapter-list element, understood.
//
// The API writes a chapter older than a day as strftime("%B %-d %Y")
// ("March 5 2023") and a newer one as Django's naturaltime ("now", "a minute ago",
// "5\u00A0hours ago", "11\u00A0hours, 4\u00A0minutes ago"; U+00A0 between number and
// unit). parse_time_added recognises both forms (month names in any case, full or
// three-letter, an optional comma after the day; ordinary or no-break spaces) and
// calls everything else `unknown`, keeping the text: an unexpected timeAdded is
// never an error. Relative values are converted to an approximate age in seconds
// (month = 30 days, year = 365 days); no clock is read here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace scrapers::readnovel {

struct TimeAdded {
  enum class Kind { absent, date, relative, unknown };

  Kind kind = Kind::absent;      // absent: null or missing in the JSON
  int year = 0;                  // date: calendar date as written
  unsigned month = 0;            // 1..12
  unsigned day = 0;              // 1..31, valid for the month and year
  std::int64_t seconds_ago = 0;  // relative: approximate age
  std::string text;              // the value as served (whitespace-trimmed)

  // "2023-03-05" for a date, "" otherwise.
  std::string iso_date() const;
};

TimeAdded parse_time_added(std::string_view text);

}  // namespace scrapers::readnovel
