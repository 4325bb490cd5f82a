// HtmlNode::text and HtmlNode::raw_text.
#include <gumbo.h>

#include <algorithm>

#include "common/html/gumbo_util.hpp"
#include "common/html/node.hpp"
#include "common/html/selector_program.hpp"
#include "common/html/text_rules.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::html {
namespace detail {
namespace {

bool is_skipped(GumboTag tag) noexcept {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_IFRAME;
}

}  // namespace

bool is_block(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: return true;
    default: return false;
  }
}

bool dropped_from_text(const GumboNode* el, const TextOptions& options) {
  if (is_skipped(tag_of(el))) return true;
  if (options.drop_ads && is_ad_element(HtmlNode(el))) return true;
  return std::any_of(options.drop.begin(), options.drop.end(),
                     [el](const Selector& s) { return matches(s.program(), el); });
}

}  // namespace detail

namespace {

// Accumulates text; line breaks and spaces stay pending until more text follows,
// so the result never starts or ends with whitespace.
class TextBuilder {
 public:
  explicit TextBuilder(bool nbsp_to_space) : nbsp_to_space_(nbsp_to_space) {}

  void block() { breaks_ = std::max(breaks_, 1); }
  void line_break() { breaks_ = std::min(breaks_ + 1, 2); }
  void space() { space_ = true; }

  void text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (const std::size_t blank = blank_at(s, i)) {
        space_ = true;
        i += blank;
        continue;
      }
      std::size_t j = i + 1;
      while (j < s.size() && blank_at(s, j) == 0) ++j;
      flush();
      out_.append(s.substr(i, j - i));
      i = j;
    }
  }

  void verbatim(std::string_view s) {
    if (s.empty()) return;
    flush();
    out_.append(s);
  }

  std::string finish() {
    trim_trailing();
    return std::move(out_);
  }

 private:
  std::size_t blank_at(std::string_view s, std::size_t i) const noexcept {
    if (text::is_ascii_space(s[i])) return 1;
    if (nbsp_to_space_ && s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
    return 0;
  }

  void trim_trailing() {
    while (!out_.empty() && text::is_ascii_space(out_.back())) out_.pop_back();
  }

  void flush() {
    if (!out_.empty()) {
      if (breaks_ > 0) {
        trim_trailing();
        out_.append(static_cast<std::size_t>(breaks_), '\n');
      } else if (space_ && out_.back() != '\n') {
        out_.push_back(' ');
      }
    }
    breaks_ = 0;
    space_ = false;
  }

  bool nbsp_to_space_;
  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

}  // namespace

std::string HtmlNode::text(const TextOptions& options) const {
  TextBuilder out(options.nbsp_to_space);
  int pre_depth = 0;
  const GumboNode* root = node_;
  auto enter = [&](const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        if (pre_depth > 0) out.verbatim(n->v.text.text);
        else out.text(n->v.text.text);
        return false;
      case GUMBO_NODE_WHITESPACE:
        if (pre_depth > 0) out.verbatim(n->v.text.text);
        else out.space();
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (n != root && detail::dropped_from_text(n, options)) return false;
        const GumboTag tag = detail::tag_of(n);
        if (detail::is_block(tag)) out.block();
        if (tag == GUMBO_TAG_BR) out.line_break();
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.space();
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA) ++pre_depth;
        return true;
      }
      case GUMBO_NODE_DOCUMENT: return true;
      default: return false;
    }
  };
  auto exit = [&](const GumboNode* n) {
    if (!detail::is_element(n)) return;
    const GumboTag tag = detail::tag_of(n);
    if (detail::is_block(tag)) out.block();
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.space();
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA) --pre_depth;
  };
  detail::walk(node_, enter, exit);
  return out.finish();
}

std::string HtmlNode::raw_text() const {
  std::string out;
  detail::walk(
      node_,
      [&out](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
          out += n->v.text.text;
        }
        return detail::child_vector(n) != nullptr;
      },
      [](const GumboNode*) {});
  return out;
}

}  // namespace scrapers::html
