// The dashboard's page, script and style, embedded in the binary at build time from
// scrapers/dashboard/web/ (CMake writes web_assets_embedded.cpp), so nothing is fetched
// from anywhere else: no CDN, no file read at run time.
#pragma once

#include <string_view>

namespace scrapers::dashboard {

struct WebAsset {
  std::string_view path;  // "/", "/app.js", "/app.css"
  std::string_view content_type;
  std::string_view body;
};

// nullptr for any other path.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace scrapers::dashboard
