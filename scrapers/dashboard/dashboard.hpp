// `pipeline-jobs dashboard [--listen HOST:PORT]`: the whole command.
//
// Order: .env is loaded (the real environment wins); --listen is parsed (default
// 127.0.0.1:8080); a non-loopback address without DASHBOARD_TOKEN is refused before
// anything else happens (one line, exit 2), as is a malformed --listen; then DATABASE_URL
// is opened (failure: one line, exit 1, or 2 for a missing/malformed URL) and the server
// binds (failure: exit 1). It prints "dashboard: http://HOST:PORT/" on stdout once it
// listens (the bound port for --listen HOST:0), says whether actions are on, and serves
// until SIGINT or SIGTERM, then exits 0 (1 when the server fails instead). The token
// is never printed or logged.
#pragma once

#include <string>

namespace scrapers::dashboard {

int dashboard_main(const std::string& listen);

}  // namespace scrapers::dashboard
