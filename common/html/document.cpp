#include "common/html/document.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>

#include "common/html/gumbo_util.hpp"
#include "common/html/scanned_page.hpp"

namespace scrapers::html {
namespace {

// Depth above which the tree is flattened before gumbo's recursive destroy runs.
constexpr std::size_t kMaxDestroyDepth = 1000;

// gumbo does not check for allocation failure, and no exception may cross its C frames.
void* allocate(void*, std::size_t size) {
  void* p = std::malloc(size);
  if (p == nullptr) std::abort();
  return p;
}
void deallocate(void*, void* p) { std::free(p); }

GumboOptions gumbo_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = allocate;
  options.deallocator = deallocate;
  options.max_errors = 0;  // parse errors are not used; recording them costs time
  return options;
}

std::size_t max_depth(const GumboNode* root) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  detail::walk(
      root,
      [&](const GumboNode* n) {
        if (detail::child_vector(n) == nullptr) return false;
        deepest = std::max(deepest, ++depth);
        return true;
      },
      [&](const GumboNode*) { --depth; });
  return deepest;
}

// Makes every node a direct child of the document (and empties every element's
// child list) so that gumbo_destroy_output recurses only two levels. The arrays
// are allocated with the same allocator gumbo frees them with.
void flatten_for_destroy(GumboOutput* output) {
  std::vector<GumboNode*> all;
  detail::walk(
      output->document,
      [&](const GumboNode* n) {
        if (n != output->document) all.push_back(const_cast<GumboNode*>(n));
        return detail::child_vector(n) != nullptr;
      },
      [](const GumboNode*) {});
  for (GumboNode* n : all) {
    if (detail::is_element(n)) n->v.element.children.length = 0;
  }
  GumboVector& top = output->document->v.document.children;
  auto** data = static_cast<void**>(allocate(nullptr, sizeof(void*) * std::max<std::size_t>(all.size(), 1)));
  std::copy(all.begin(), all.end(), data);
  deallocate(nullptr, top.data);
  top.data = data;
  top.length = static_cast<unsigned int>(all.size());
  top.capacity = static_cast<unsigned int>(std::max<std::size_t>(all.size(), 1));
}

}  // namespace

struct HtmlDocument::Impl {
  DecodedHtml decoded;
  GumboOptions options = gumbo_options();
  GumboOutput* output = nullptr;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (output == nullptr) return;
    if (max_depth(output->document) > kMaxDestroyDepth) flatten_for_destroy(output);
    gumbo_destroy_output(&options, output);
  }
};

Result<HtmlDocument> HtmlDocument::parse(std::string bytes, std::string_view content_type,
                                         const ParseOptions& options) {
  auto page = ScannedPage::read(std::move(bytes), content_type, options);
  if (!page) return std::move(page).error();
  return std::move(page).value().into_document();
}

Result<HtmlDocument> HtmlDocument::build(DecodedHtml decoded) {
  auto impl = std::make_unique<Impl>();
  impl->decoded = std::move(decoded);
  const std::string& text = impl->decoded.utf8;
  impl->output = gumbo_parse_with_options(&impl->options, text.data(), text.size());
  if (impl->output == nullptr) return make_error(ErrorKind::parse, "gumbo could not parse the document");
  return HtmlDocument(std::move(impl));
}

HtmlDocument::HtmlDocument(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
HtmlDocument::HtmlDocument(HtmlDocument&& other) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&& other) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

HtmlNode HtmlDocument::document() const noexcept { return HtmlNode(impl_->output->document); }
HtmlNode HtmlDocument::root() const noexcept { return HtmlNode(impl_->output->root); }
std::string_view HtmlDocument::utf8() const noexcept { return impl_->decoded.utf8; }
const std::string& HtmlDocument::charset() const noexcept { return impl_->decoded.charset; }
CharsetSource HtmlDocument::charset_source() const noexcept { return impl_->decoded.source; }

std::string HtmlDocument::title() const {
  const auto t = select_first("title");
  return t ? t->text() : std::string();
}

}  // namespace scrapers::html
