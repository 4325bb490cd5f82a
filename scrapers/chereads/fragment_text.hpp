// The readable text of a chereads chapter: its paragraphs from the chapterInfo.contents[]
// HTML fragments of the embedded JSON, or from any HTML node (main#content), with
// their inline emphasis, in the sanitised form of common/text/inline_html.hpp (em, i,
// strong, b, u, s, sup, sub and <br> kept without attributes; links, spans and
// unknown tags become their text; scripts, ads, iframes and h1-h3 dropped; text
// escaped; no empty paragraph).
//
// Each fragment is read on its own, as the site renders each one in its own element:
// markup left open in one fragment never reaches the next. fragment_paragraphs()
// reads fragments that are only plain paragraphs ("<p>text</p>", no markup,
// character reference or control byte inside) with a byte scan, and any other
// fragment through gumbo (html/inline_text.hpp); both give the same paragraphs, so
// the scan is only a shortcut. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/html/document.hpp"
#include "common/html/node.hpp"
#include "common/util/error.hpp"

namespace scrapers::chereads::detail {

// What the chapter text leaves out: ads, iframes, h1-h3.
html::TextOptions content_text_options();

// The paragraphs of a node (main#content), as fragment_paragraphs gives them.
std::vector<std::string> node_paragraphs(const html::HtmlNode& node);

// The paragraphs of info["contents"] (strings, or objects with a string "content");
// none when there is no such array. Errors carry page_url as context. With
// ParsePath::dom_only every fragment goes through gumbo (the reference path).
Result<std::vector<std::string>> fragment_paragraphs(const nlohmann::json& info, std::string_view page_url,
                                                     html::ParsePath path = html::ParsePath::scan_first);

}  // namespace scrapers::chereads::detail
