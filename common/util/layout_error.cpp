#include "common/util/layout_error.hpp"

#include <utility>

namespace scrapers {

std::string_view without_layout_phrase(std::string_view message) {
  if (message.substr(0, kLayoutNotRecognised.size()) != kLayoutNotRecognised) return message;
  message.remove_prefix(kLayoutNotRecognised.size());
  if (message.substr(0, 2) == ": ") message.remove_prefix(2);
  return message;
}

Error layout_not_recognised(std::string_view detail, std::string context) {
  std::string message(kLayoutNotRecognised);
  const std::string_view rest = without_layout_phrase(detail);
  if (!rest.empty()) message += ": " + std::string(rest);
  return make_error(ErrorKind::layout_changed, std::move(message), std::move(context));
}

}  // namespace scrapers
