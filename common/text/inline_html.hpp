// Paragraph text with inline emphasis, in the one sanitised form stored chapters carry.
//
// The canonical form ("inline HTML") of a paragraph is one or more lines joined by
// "<br>". A line is text with & < > escaped (&amp; &lt; &gt;, nothing else), ASCII
// whitespace runs collapsed to one space, no space at either end, and the emphasis
// elements em, i, strong, b, u, s, sup, sub written exactly as <em>...</em> (never an
// attribute), properly nested, each holding visible text (no empty element); <br> is
// never inside one (an emphasis open across a break is closed before it and reopened
// after). No line is empty. Any other markup cannot occur: the builder takes text and
// emphasis events only, so links, scripts, event handlers and unknown tags cannot get
// through (callers turn them into their text).
//
// InlineHtmlBuilder builds that form from events (a DOM walk); inline_html_from_text
// gives the same bytes for a plain-text line as the builder given the same text.
// is_inline_html checks a string is in the form (the document builder's guard).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scrapers::text {

enum class Emphasis : unsigned char { em, i, strong, b, u, s, sup, sub };

// The emphasis a lower-case tag name stands for ("strong"), or nullopt.
std::optional<Emphasis> emphasis_named(std::string_view tag);

class InlineHtmlBuilder {
 public:
  void open(Emphasis emphasis);
  // Closes the innermost open `emphasis` (those opened inside it stay open); no-op
  // when it is not open.
  void close(Emphasis emphasis);
  void text(std::string_view utf8);  // ASCII whitespace runs count as one space
  void space();
  void line_break();
  // The paragraph so far in canonical form ("" when it has no text); starts the next
  // one, with the emphasis still open carried over.
  std::string end_paragraph();

 private:
  void end_line();
  void sync_tags();

  std::vector<Emphasis> open_;     // what the text is inside of, outermost first
  std::vector<Emphasis> written_;  // the tags written and not yet closed in line_
  std::string line_;
  std::vector<std::string> lines_;
  bool pending_space_ = false;
};

// One line of plain text in canonical form (escaped, whitespace collapsed, trimmed).
std::string inline_html_from_text(std::string_view text);

// The lines of a canonical paragraph (split on "<br>").
std::vector<std::string_view> inline_lines(std::string_view html);

// The paragraph without the lines whose plain text `drop` holds ("" when none is
// left); adds the number of lines removed to *removed when given.
template <class Predicate>
std::string without_lines(std::string_view html, Predicate&& drop, std::size_t* removed = nullptr);

// What a reader sees of canonical inline HTML: tags dropped, <br> as '\n', & < > unescaped.
std::string inline_plain_text(std::string_view html);

// True when `html` is in the canonical form's vocabulary: only the allowed tags
// without attributes, properly nested, <br> outside them, '&' only in &amp; &lt; &gt;,
// no raw '<' or '>'.
bool is_inline_html(std::string_view html);

template <class Predicate>
std::string without_lines(std::string_view html, Predicate&& drop, std::size_t* removed) {
  std::string out;
  for (const std::string_view line : inline_lines(html)) {
    if (drop(std::string_view(inline_plain_text(line)))) {
      if (removed != nullptr) ++*removed;
      continue;
    }
    if (!out.empty()) out += "<br>";
    out += line;
  }
  return out;
}

}  // namespace scrapers::text
