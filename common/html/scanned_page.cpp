#include "common/html/scanned_page.hpp"

#include <utility>

#include "common/html/script_json.hpp"
#include "common/util/progress_stamp.hpp"

namespace scrapers::html {
namespace {

constexpr std::string_view kScriptPrefix = "script#";

}  // namespace

ScannedPage::ScannedPage(std::unique_ptr<DecodedHtml> decoded, PrescanResult scan, ParsePath path) noexcept
    : decoded_(std::move(decoded)), scan_(std::move(scan)), path_(path) {}

Result<ScannedPage> ScannedPage::read(std::string bytes, std::string_view content_type,
                                      const ParseOptions& options) {
  note_progress();
  if (bytes.size() > options.max_input_bytes) {
    return make_error(ErrorKind::too_large, "HTML document of " + std::to_string(bytes.size()) +
                                                " bytes exceeds the limit of " +
                                                std::to_string(options.max_input_bytes));
  }
  DecodeOptions decode_options;
  decode_options.invalid = options.invalid_bytes;
  auto decoded = decode_html(std::move(bytes), content_type, decode_options);
  if (!decoded) return std::move(decoded).error();
  auto text = std::make_unique<DecodedHtml>(std::move(decoded).value());
  auto scan = prescan_html(text->utf8, options.limits);
  if (!scan) return std::move(scan).error();
  return ScannedPage(std::move(text), std::move(scan).value(), options.path);
}

std::optional<Result<nlohmann::json>> ScannedPage::script_json(
    std::initializer_list<std::string_view> selectors) const {
  if (path_ == ParsePath::dom_only || scan_.script_ids_uncertain) return std::nullopt;
  for (const std::string_view selector : selectors) {
    if (!selector.starts_with(kScriptPrefix)) return std::nullopt;
    const ScriptText* script = scan_.script(selector.substr(kScriptPrefix.size()));
    if (script == nullptr) continue;
    if (!script->exact) return std::nullopt;
    return parse_json(script->text, selector);
  }
  return std::nullopt;
}

Result<HtmlDocument> ScannedPage::into_document() && {
  auto document = HtmlDocument::build(std::move(*decoded_));
  note_progress();
  return document;
}

}  // namespace scrapers::html
