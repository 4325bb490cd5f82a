// What a Response means for a caller that expected a page or a JSON document.
//
// is_challenge() recognises an anti-bot interstitial (Cloudflare): a
// `cf-mitigated: challenge` header, or status 403/429/503 whose body carries one of
// the challenge markers every parser shares (common/text/challenge.hpp). Callers
// turn it into ErrorKind::blocked and never into an empty result.
// expect_ok() accepts 2xx only: a challenge is blocked, any other status is an
// http_status error (Error::http_status set, so retryable() works).
// parse_json_body() additionally requires a JSON content type (application/json,
// application/*+json, or a missing/text/plain type whose body starts like JSON):
// an HTML page where JSON was expected is bad_content_type naming the URL and the
// type; malformed JSON is parse naming the URL. Every error names the URL with
// secret parameters redacted.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "common/http/message.hpp"

namespace scrapers::http {

bool is_challenge(const Response& response);

// blocked / http_status error for a response that is not a usable 2xx, else Ok.
Status expect_ok(const Response& response, std::string_view url);

enum class StatusCheck { require_2xx, any_status };

// The parsed body. With StatusCheck::any_status a non-2xx JSON body (an API's error
// document, e.g. a 406 quota message) is parsed too; challenges are still blocked.
Result<nlohmann::json> parse_json_body(const Response& response, std::string_view url,
                                       StatusCheck check = StatusCheck::require_2xx);

// Whether a lower-cased media type (Response::content_type()) denotes JSON.
bool is_json_media_type(std::string_view media_type);

}  // namespace scrapers::http
