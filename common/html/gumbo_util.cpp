#include "common/html/gumbo_util.hpp"

#include "common/text/whitespace.hpp"

namespace scrapers::html::detail {
namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

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
    if (iequals(attr->name, name)) return attr;
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
