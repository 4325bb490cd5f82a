// Reading the sample pages under fixtures/html for the html tests.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "common/html/document.hpp"

namespace scrapers::html::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open fixture " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string read_fixture(const std::string& name) {
  return read_text(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/html/" + name);
}

inline HtmlDocument parse_fixture(const std::string& name, std::string_view content_type = {}) {
  return HtmlDocument::parse(read_fixture(name), content_type).value_or_throw();
}

inline HtmlDocument parse_html(std::string html) { return HtmlDocument::parse(std::move(html)).value_or_throw(); }

}  // namespace scrapers::html::testing
