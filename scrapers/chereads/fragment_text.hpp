// The readable text of a chereads chapter: its paragraphs from the chapterInfo.contents[]
// HTML fragments of the embedded JSON, or from any HTML node (main#content).
//
// fragment_paragraphs() reads fragments that are only plain paragraphs ("<p>text</p>",
// no markup, character reference or control byte inside) with a byte scan, and any
// other fragment through gumbo (wrapped in <div>s, ads, iframes and h1-h3 dropped);
// both give the same paragraphs, so the scan is only a shortcut. Paragraphs are
// trimmed, whitespace runs collapsed, empty ones left out. Pure functions.
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

// The non-empty trimmed lines of text.
std::vector<std::string> split_paragraphs(std::string_view text);

// The paragraphs of info["contents"] (strings, or objects with a string "content");
// none when there is no such array. Errors carry page_url as context. With
// ParsePath::dom_only every fragment goes through gumbo (the reference path).
Result<std::vector<std::string>> fragment_paragraphs(const nlohmann::json& info, std::string_view page_url,
                                                     html::ParsePath path = html::ParsePath::scan_first);

}  // namespace scrapers::chereads::detail
