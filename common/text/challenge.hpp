// Anti-bot interstitials (Cloudflare's "Just a moment..." challenge and its
// "Attention Required!" block page) recognised from the body alone: the one list of
// markers that the response classifier and every site's parser share, so a marker
// learnt on one site is known to all. It lives with the text helpers because the
// pure parsers use it and never link the HTTP layer.
//
// A body is a challenge when its first kChallengeScanBytes contain a marker,
// ignoring ASCII case. Every marker is specific to the interstitial, so an ordinary
// page is never taken for one: the phrase "Just a moment..." only counts as the page
// title (a novel may well say it), and the /cdn-cgi/challenge-platform/ path does not
// count when it names the bot-management script (".../scripts/jsd/...") that
// Cloudflare injects into ordinary pages.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace scrapers::text {

inline constexpr std::size_t kChallengeScanBytes = std::size_t{256} << 10;

inline constexpr std::array<std::string_view, 5> kChallengeMarkers{
    "<title>Just a moment...</title>",   // the challenge page's title
    "Attention Required! | Cloudflare",  // the block page's title
    "_cf_chl_opt",                       // the challenge script's options object
    "cf-browser-verification",           // the older browser-check page
    "/cdn-cgi/challenge-platform/",      // the challenge scripts (not scripts/jsd/)
};

bool body_has_challenge_marker(std::string_view body) noexcept;

}  // namespace scrapers::text
