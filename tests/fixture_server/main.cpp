// fixture-server: serves fixtures (body + meta.json pairs) on 127.0.0.1 with fault injection.
//   fixture-server [--root DIR] [--port N] [--port-file FILE] [--host 127.0.0.1]
//                  [--emulate NAME]...
// Prints "fixture-server listening on http://127.0.0.1:<port>" once it accepts
// connections (and writes the bare port to FILE, atomically); stops on SIGINT/SIGTERM.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/util/signals.hpp"
#include "tests/fixture_server/fixture_server.hpp"

namespace {

constexpr const char* kUsage =
    "usage: fixture-server [--root DIR] [--port N] [--port-file FILE] [--host 127.0.0.1] "
    "[--emulate NAME]...\n";

struct Args {
  scrapers::testing::FixtureServerOptions options;
  std::string port_file;
};

// Returns 0 to continue, or an exit code.
int parse_args(const std::vector<std::string>& argv, Args& args) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return -1;
    }
    if (i + 1 >= argv.size()) {
      std::cerr << "fixture-server: " << flag << " needs a value\n" << kUsage;
      return 2;
    }
    const std::string& value = argv[++i];
    if (flag == "--root") {
      args.options.root = value;
    } else if (flag == "--port") {
      try {
        args.options.port = std::stoi(value);
      } catch (const std::exception&) {
        std::cerr << "fixture-server: bad port " << value << "\n";
        return 2;
      }
    } else if (flag == "--port-file") {
      args.port_file = value;
    } else if (flag == "--host") {
      if (value != "127.0.0.1") {
        std::cerr << "fixture-server: only 127.0.0.1 is allowed\n";
        return 2;
      }
    } else if (flag == "--emulate") {
      args.options.emulators.push_back(value);
    } else {
      std::cerr << "fixture-server: unknown option " << flag << "\n" << kUsage;
      return 2;
    }
  }
  return 0;
}

bool write_port_file(const std::string& path, int port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << port << "\n";
    if (!out) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  const int parsed = parse_args(std::vector<std::string>(argv + 1, argv + argc), args);
  if (parsed != 0) return parsed < 0 ? 0 : parsed;
  scrapers::install_interrupt_handlers();
  scrapers::testing::FixtureServer server(args.options);
  if (auto started = server.start(); !started.ok()) {
    std::cerr << "fixture-server: " << started.error().describe() << "\n";
    return 1;
  }
  if (!args.port_file.empty() && !write_port_file(args.port_file, server.port())) {
    std::cerr << "fixture-server: cannot write " << args.port_file << "\n";
    return 1;
  }
  std::cout << "fixture-server listening on " << server.base_url() << std::endl;
  while (!scrapers::interrupted()) scrapers::interruptible_sleep(std::chrono::seconds(1));
  server.stop();
  return 0;
}
