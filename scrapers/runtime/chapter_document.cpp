#include "scrapers/runtime/chapter_document.hpp"

#include <algorithm>
#include <cctype>

#include "common/text/entities.hpp"
#include "common/text/inline_html.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::runtime {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:Georgia,serif;line-height:1.7;max-width:42em;margin:0 auto;padding:1em 1.25em}"
    "h1{font-size:1.4em;line-height:1.3;margin:0 0 1.2em}p{margin:0 0 1em}";

bool is_xml_char(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n';
  return cp != 0xFFFE && cp != 0xFFFF;
}

// Valid UTF-8 without the characters XML forbids.
std::string xml_safe(std::string_view s) {
  const std::string valid = text::repair_utf8(s);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t pos = 0; pos < valid.size();) {
    const text::DecodedCodePoint d = text::decode_utf8(valid, pos);
    if (is_xml_char(d.cp)) out.append(valid, pos, d.length);
    pos += d.length;
  }
  return out;
}

// True when nothing would show: only whitespace (U+00A0 and the other Unicode spaces
// included) and invisible format characters (zero-width spaces and joiners, BOM).
bool visibly_empty(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    const text::DecodedCodePoint d = text::decode_utf8(s, pos);
    pos += d.length;
    const char32_t cp = d.cp;
    const bool blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
                       (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
                       cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF || cp == 0xAD;
    if (!blank) return false;
  }
  return true;
}

std::string safe_language(std::string_view language) {
  const bool simple = !language.empty() && language.size() <= 35 &&
                      std::all_of(language.begin(), language.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
                      });
  return simple ? std::string(language) : std::string("und");
}

}  // namespace

std::string build_chapter_document(std::string_view title, const std::vector<std::string>& paragraphs,
                                   const DocumentOptions& options, ParagraphFormat format) {
  std::string heading = text::collapse_whitespace(xml_safe(title), true);
  if (heading.empty()) heading = "Untitled";
  std::string out;
  out.reserve(1024 + heading.size() * 2 + paragraphs.size() * 200);
  out += "<!DOCTYPE html>\n<html lang=\"" + safe_language(options.language) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\" />\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n";
  out += "<title>";
  text::append_escaped_text(out, heading);
  out += "</title>\n";
  if (!options.canonical_url.empty()) {
    out += "<link rel=\"canonical\" href=\"";
    text::append_escaped_attribute(out, xml_safe(options.canonical_url));
    out += "\" />\n";
  }
  out += "<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>";
  text::append_escaped_text(out, heading);
  out += "</h1>\n<main id=\"content\">\n";
  for (const std::string& paragraph : paragraphs) {
    const std::string clean = xml_safe(paragraph);
    const bool markup = format == ParagraphFormat::inline_html && text::is_inline_html(clean);
    const std::string body = markup ? text::without_lines(clean, visibly_empty) : text::escape_text(clean);
    if (visibly_empty(markup ? text::inline_plain_text(body) : clean)) continue;
    out += "<p>";
    out += body;
    out += "</p>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace scrapers::runtime
