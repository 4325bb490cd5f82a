#include "scrapers/readnovel/chapter_document.hpp"

#include <algorithm>
#include <cctype>

#include "common/text/entities.hpp"
#include "common/text/filename.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"
#include "common/util/uuid.hpp"

namespace scrapers::content {
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

std::string safe_language(std::string_view language) {
  const bool simple = !language.empty() && language.size() <= 35 &&
                      std::all_of(language.begin(), language.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
                      });
  return simple ? std::string(language) : std::string("und");
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string build_chapter_document(std::string_view title, const std::vector<std::string>& paragraphs,
                                   const DocumentOptions& options) {
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
  out += "</style>\n</head>\n<body>\n<article>\n<h1>";
  text::append_escaped_text(out, heading);
  out += "</h1>\n";
  for (const std::string& paragraph : paragraphs) {
    const std::string clean = xml_safe(paragraph);
    if (text::trim(clean).empty()) continue;
    out += "<p>";
    text::append_escaped_text(out, clean);
    out += "</p>\n";
  }
  out += "</article>\n</body>\n</html>\n";
  return out;
}

std::string number_key_component(const text::ChapterNumber& number) {
  std::string out = "number-";
  const std::string_view integer = number.integer_part();
  if (integer.size() < 4) out.append(4 - integer.size(), '0');
  out += integer;
  if (!number.is_integer()) {
    out += '.';
    out += number.fraction_part();
  }
  return out;
}

std::string title_key_component(std::string_view title) {
  std::string dashed;
  bool pending_dash = false;
  for (char c : lower_ascii(text::collapse_whitespace(text::repair_utf8(title), true))) {
    if (std::string_view("<>:\"/\\|?*").find(c) != std::string_view::npos) continue;
    if (c == ' ' || c == '-') {
      pending_dash = !dashed.empty();
      continue;
    }
    if (pending_dash) dashed.push_back('-');
    pending_dash = false;
    dashed.push_back(c);
  }
  constexpr std::string_view kExtension = ".html";
  std::string name = text::sanitize_filename(dashed, kMaxKeyTitleBytes);
  std::replace(name.begin(), name.end(), ' ', '-');
  return name + std::string(kExtension);
}

Result<std::string> chapter_storage_key(std::string_view work_id, std::string_view edition_id,
                                        const text::ChapterNumber& number, std::string_view title) {
  if (!is_uuid(work_id)) {
    return make_error(ErrorKind::invalid_argument, "work id is not a UUID", std::string(work_id));
  }
  if (!is_uuid(edition_id)) {
    return make_error(ErrorKind::invalid_argument, "edition id is not a UUID", std::string(edition_id));
  }
  return "raw/novel/" + lower_ascii(work_id) + "/" + lower_ascii(edition_id) + "/" +
         number_key_component(number) + "/" + title_key_component(title);
}

}  // namespace scrapers::content
