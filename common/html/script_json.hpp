// JSON embedded in a page (Next.js `script#__NEXT_DATA__`, vite-plugin-ssr's
// `script#vite-plugin-ssr_pageContext`) and safe navigation inside it.
//
// Numbers: nlohmann::json stores integer literals as std::int64_t / std::uint64_t
// and never routes them through double, so 17-digit ids (86954917348045530 >
// 2^53) arrive exact. Only integers beyond 64 bits, or numbers written with a
// fraction or exponent, become double; json_id_string refuses those, so an id that
// lost precision can never be used.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/html/document.hpp"
#include "common/util/error.hpp"

namespace scrapers::html {

// Parses the text of the first element matching one of selectors (tried in the
// given order). No match: ErrorKind::layout_changed naming every selector.
// Empty or malformed JSON: ErrorKind::parse with the parser's message; the
// context names the selector that matched.
Result<nlohmann::json> extract_script_json(const HtmlDocument& document,
                                           std::initializer_list<std::string_view> selectors);

// Parses JSON text with the same error conventions (ErrorKind::parse).
Result<nlohmann::json> parse_json(std::string_view text, std::string_view context = {});

// The value at a dotted path: object keys and array indices separated by '.',
// e.g. "props.pageProps.dehydratedState.queries.0.state.data". An empty path is
// the root. Errors are ErrorKind::missing_field and name the missing key (or the
// index and the array's size, or the non-container met) and the path walked so
// far, e.g. "missing key 'queries' under 'props.pageProps.dehydratedState'".
// Keys that themselves contain '.' cannot be addressed (use operator[]).
Result<const nlohmann::json*> json_at(const nlohmann::json& root, std::string_view dotted_path);

// An id as exact decimal text: accepts a non-negative JSON integer or a string of
// ASCII digits (ids appear both ways); anything else, floating-point numbers
// included, is ErrorKind::parse.
Result<std::string> json_id_string(const nlohmann::json& value);

}  // namespace scrapers::html
