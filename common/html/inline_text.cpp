#include "common/html/inline_text.hpp"

#include <gumbo.h>

#include "common/html/gumbo_util.hpp"
#include "common/html/text_rules.hpp"
#include "common/text/inline_html.hpp"

namespace scrapers::html {
namespace {

class ParagraphCollector {
 public:
  void end_paragraph() {
    std::string paragraph = builder_.end_paragraph();
    if (!paragraph.empty()) paragraphs_.push_back(std::move(paragraph));
  }
  text::InlineHtmlBuilder& builder() { return builder_; }
  std::vector<std::string> finish() {
    end_paragraph();
    return std::move(paragraphs_);
  }

 private:
  text::InlineHtmlBuilder builder_;
  std::vector<std::string> paragraphs_;
};

bool is_cell(GumboTag tag) { return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH; }

}  // namespace

std::vector<std::string> inline_paragraphs(const HtmlNode& node, const TextOptions& options) {
  ParagraphCollector out;
  const GumboNode* root = node.gumbo();
  auto enter = [&](const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA: out.builder().text(n->v.text.text); return false;
      case GUMBO_NODE_WHITESPACE: out.builder().space(); return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (n != root && detail::dropped_from_text(n, options)) return false;
        const GumboTag tag = detail::tag_of(n);
        if (detail::is_block(tag)) out.end_paragraph();
        if (tag == GUMBO_TAG_BR) out.builder().line_break();
        if (is_cell(tag)) out.builder().space();
        if (const auto emphasis = text::emphasis_named(detail::tag_name_of(n))) out.builder().open(*emphasis);
        return true;
      }
      case GUMBO_NODE_DOCUMENT: return true;
      default: return false;
    }
  };
  auto exit = [&](const GumboNode* n) {
    if (!detail::is_element(n)) return;
    const GumboTag tag = detail::tag_of(n);
    if (const auto emphasis = text::emphasis_named(detail::tag_name_of(n))) out.builder().close(*emphasis);
    if (detail::is_block(tag)) out.end_paragraph();
    if (is_cell(tag)) out.builder().space();
  };
  detail::walk(root, enter, exit);
  return out.finish();
}

}  // namespace scrapers::html
