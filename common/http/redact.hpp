// Secret scrubbing for everything the HTTP layer writes down: log lines, error
// messages and recordings.
//
// A query parameter is secret when its name looks like a credential (key, api_key,
// token, *_token, password, signature, X-Amz-Credential, ...); a header is secret
// when it carries credentials or session state (Authorization, Cookie, Set-Cookie,
// Api-Key, *token*, ...). Redaction replaces the value with "REDACTED" and keeps
// the rest of the text byte for byte, so a redacted URL still identifies the page.
#pragma once

#include <string>
#include <string_view>

namespace scrapers::http {

inline constexpr std::string_view kRedacted = "REDACTED";

bool is_secret_param(std::string_view name);
bool is_secret_header(std::string_view name);

// Replaces the value of every secret query parameter of `url` (any text with a '?').
std::string redact_url(std::string_view url);
// Same for a bare query string "a=1&token=x".
std::string redact_query(std::string_view query);

}  // namespace scrapers::http
