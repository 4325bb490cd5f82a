// HtmlNode::inner_html and HtmlNode::outer_html (HTML5 serialisation).
#include <gumbo.h>

#include <algorithm>

#include "common/html/gumbo_util.hpp"
#include "common/html/node.hpp"
#include "common/html/selector_program.hpp"
#include "common/text/entities.hpp"

namespace scrapers::html {
namespace {

bool is_void(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR: return true;
    default: return false;
  }
}

// Elements whose text content is serialised without escaping.
bool is_raw_text(GumboTag tag) noexcept {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_NOEMBED || tag == GUMBO_TAG_NOFRAMES || tag == GUMBO_TAG_PLAINTEXT;
}

bool is_script_like(GumboTag tag) noexcept {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_OBJECT ||
         tag == GUMBO_TAG_EMBED;
}

class Serializer {
 public:
  Serializer(const HtmlOptions& options, const GumboNode* root, bool include_root)
      : options_(options), root_(root), include_root_(include_root) {}

  std::string run() {
    detail::walk(
        root_, [this](const GumboNode* n) { return enter(n); }, [this](const GumboNode* n) { exit(n); });
    return std::move(out_);
  }

 private:
  bool dropped(const GumboNode* el) const {
    if (el == root_) return false;
    if (options_.drop_scripts && is_script_like(detail::tag_of(el))) return true;
    if (options_.drop_ads && is_ad_element(HtmlNode(el))) return true;
    return std::any_of(options_.drop.begin(), options_.drop.end(),
                       [el](const Selector& s) { return detail::matches(s.program(), el); });
  }

  bool enter(const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT:
        if (include_root_) doctype(n);
        return true;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (n == root_ && !include_root_) return true;
        if (dropped(n)) return false;
        start_tag(n);
        return !is_void(detail::tag_of(n));
      case GUMBO_NODE_TEXT: text(n); return false;
      case GUMBO_NODE_WHITESPACE: out_ += n->v.text.text; return false;
      case GUMBO_NODE_CDATA:
        out_ += "<![CDATA[";
        out_ += n->v.text.text;
        out_ += "]]>";
        return false;
      case GUMBO_NODE_COMMENT:
        if (!options_.drop_comments) {
          out_ += "<!--";
          out_ += n->v.text.text;
          out_ += "-->";
        }
        return false;
    }
    return false;
  }

  void exit(const GumboNode* n) {
    if (!detail::is_element(n) || (n == root_ && !include_root_)) return;
    out_ += "</";
    out_ += detail::tag_name_of(n);
    out_ += '>';
  }

  void doctype(const GumboNode* n) {
    const GumboDocument& d = n->v.document;
    if (!d.has_doctype) return;
    out_ += "<!DOCTYPE ";
    out_ += d.name;
    if (d.public_identifier != nullptr && *d.public_identifier != '\0') {
      out_ += " PUBLIC \"";
      out_ += d.public_identifier;
      out_ += '"';
    }
    if (d.system_identifier != nullptr && *d.system_identifier != '\0') {
      out_ += " \"";
      out_ += d.system_identifier;
      out_ += '"';
    }
    out_ += '>';
  }

  void start_tag(const GumboNode* el) {
    out_ += '<';
    out_ += detail::tag_name_of(el);
    const GumboVector& attrs = el->v.element.attributes;
    for (std::size_t i = 0; i < attrs.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      out_ += ' ';
      out_ += a->name;
      out_ += "=\"";
      text::append_escaped_attribute(out_, a->value);
      out_ += '"';
    }
    out_ += '>';
  }

  void text(const GumboNode* n) {
    const GumboNode* parent = n->parent;
    if (parent != nullptr && detail::is_element(parent) && is_raw_text(detail::tag_of(parent))) {
      out_ += n->v.text.text;
    } else {
      text::append_escaped_text(out_, n->v.text.text);
    }
  }

  const HtmlOptions& options_;
  const GumboNode* root_;
  bool include_root_;
  std::string out_;
};

}  // namespace

std::string HtmlNode::inner_html(const HtmlOptions& options) const {
  if (node_->type != GUMBO_NODE_DOCUMENT && !detail::is_element(node_)) return {};
  return Serializer(options, node_, false).run();
}

std::string HtmlNode::outer_html(const HtmlOptions& options) const {
  return Serializer(options, node_, true).run();
}

}  // namespace scrapers::html
