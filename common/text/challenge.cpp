#include "common/text/challenge.hpp"

#include "common/text/ascii.hpp"

namespace scrapers::text {
namespace {

constexpr std::string_view kPlatform = "/cdn-cgi/challenge-platform/";
constexpr std::string_view kBotManagementScript = "scripts/jsd/";

// Whether the challenge-platform reference at `at` names a challenge script rather
// than the bot-management script of ordinary pages.
bool platform_reference_is_challenge(std::string_view head, std::size_t at) noexcept {
  std::string_view path = head.substr(at + kPlatform.size());
  path = path.substr(0, path.find_first_of("\"'`<> \t\r\n?#"));
  return find_ascii_icase(path, kBotManagementScript) == std::string_view::npos;
}

bool has_platform_challenge(std::string_view head) noexcept {
  for (std::size_t at = find_ascii_icase(head, kPlatform); at != std::string_view::npos;
       at = find_ascii_icase(head, kPlatform, at + 1)) {
    if (platform_reference_is_challenge(head, at)) return true;
  }
  return false;
}

}  // namespace

bool body_has_challenge_marker(std::string_view body) noexcept {
  const std::string_view head = body.substr(0, kChallengeScanBytes);
  for (const std::string_view marker : kChallengeMarkers) {
    if (marker == kPlatform ? has_platform_challenge(head) : contains_ascii_icase(head, marker)) return true;
  }
  return false;
}

}  // namespace scrapers::text
