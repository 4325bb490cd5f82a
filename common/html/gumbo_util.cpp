#include "common/html/gumbo_util.hpp"

#include "common/text/ascii.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::html::detail {

std::string_view tag_name_of(const GumboNode* element) noexcept {
  const GumboTag tag = element->v.element.tag;
  if (tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(tag);
  GumboStringPiece piece = element->v.element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

const GumboAttribute* find_attribute(const GumboNode* element, std::string_view name) noexcept {
  const GumboVector& attrs = element->v.element.attributes;
  for (unsigned int i = 0; i < attrs.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (text::iequals_ascii(attr->name, name)) return attr;
  }
  return nullptr;
}

bool has_class_token(std::string_view class_attr, std::string_view cls) noexcept {
  if (cls.empty()) return false;
  std::size_t pos = 0;
  while (pos < class_attr.size()) {
    while (pos < class_attr.size() && text::is_ascii_space(class_attr[pos])) ++pos;
    std::size_t end = pos;
    while (end < class_attr.size() && !text::is_ascii_space(class_attr[end])) ++end;
    if (class_attr.substr(pos, end - pos) == cls) return true;
    pos = end;
  }
  return false;
}

}  // namespace scrapers::html::detail
