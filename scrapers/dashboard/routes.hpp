// The dashboard's /api/ routes (registered by server.cpp through server_state.hpp).
//
//   GET  /api/session            {actions_enabled, logged_in, csrf_token, login_required}
//   GET  /api/overview | running | charts | schedules        (api_read.hpp)
//   GET  /api/failures?program=P&limit=N                     limit 1-200 (default 50)
//   GET  /api/jobs/<uuid>                                    400 bad id, 404 unknown
//   POST /api/login {"token"}    opens a session: cookie dashboard_session (HttpOnly,
//                                SameSite=Strict, Path=/), answers {csrf_token}
//   POST /api/logout
//   POST /api/jobs/<uuid>/cancel | retry, /api/sources/<uuid>/pause | resume,
//   POST /api/schedules/enqueue {"name"}                     (api_actions.hpp)
// Who may do what: reads are open on loopback; on any other address they need a
// session (401 without). Every POST needs Content-Type application/json (415), an
// Origin, when sent, equal to http://<Host> or https://<Host> (403), and actions at all: without
// DASHBOARD_TOKEN every POST is 403. Then login needs the token (401, compared in
// constant time); logout and actions need the session cookie (401) and its CSRF token in
// the X-CSRF-Token header (403 when missing or wrong). Query values longer than 200
// bytes, and more than 8 query parameters, are 400.
#pragma once

#include "scrapers/dashboard/server_state.hpp"
