// HTML character references and escaping.
//
// decode_entities expands named references from the HTML 4 set plus &apos; (all
// the usual ones: &amp; &lt; &gt; &quot; &apos; &nbsp; &hellip; &mdash; &ndash;
// &lsquo; &rsquo; &ldquo; &rdquo; ...) and numeric ones (&#8217; &#x2019;). Named
// references need their ';'; numeric ones are decoded with or without it, like a
// browser. Unknown names and malformed references are left intact, never dropped.
// Numeric references to NUL, surrogates or beyond U+10FFFF become U+FFFD, and
// 128..159 map through windows-1252 as HTML5 prescribes (&#146; is ’).
//
// The escape functions produce text safe to place between tags (escape_text) or
// inside a double- or single-quoted attribute value (escape_attribute).
#pragma once

#include <string>
#include <string_view>

namespace scrapers::text {

std::string decode_entities(std::string_view s);

// & < > escaped.
void append_escaped_text(std::string& out, std::string_view s);
std::string escape_text(std::string_view s);

// & < > " ' escaped.
void append_escaped_attribute(std::string& out, std::string_view s);
std::string escape_attribute(std::string_view s);

}  // namespace scrapers::text
