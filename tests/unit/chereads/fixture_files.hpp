// Reading the chereads fixtures (fixtures/chereads/) in unit tests: the body and
// the URL it was recorded under, and the generated expected results.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace scrapers::chereads::testing {

inline std::string fixture_path(const std::string& name) {
  return std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/chereads/" + name;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Fixture {
  std::string body;
  std::string url;
  int status = 0;
};

inline Fixture load_fixture(const std::string& name) {
  const auto meta = nlohmann::json::parse(read_text(fixture_path(name + ".meta.json")));
  return Fixture{read_text(fixture_path(name)), meta.at("url").get<std::string>(), meta.value("status", 200)};
}

inline nlohmann::json load_expected(const std::string& name) {
  return nlohmann::json::parse(read_text(fixture_path("expected/" + name)));
}

// The URL as served by a local fixture server instead of the real host.
inline std::string on_local_server(const std::string& url, const std::string& base = "http://127.0.0.1:8089") {
  const std::size_t path = url.find('/', url.find("://") + 3);
  return base + url.substr(path);
}

}  // namespace scrapers::chereads::testing
