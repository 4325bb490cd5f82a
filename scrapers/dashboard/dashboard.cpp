#include "scrapers/dashboard/dashboard.hpp"

#include <pthread.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "common/util/env.hpp"
#include "common/util/log.hpp"
#include "scrapers/dashboard/server.hpp"
#include "scrapers/runtime/exit_codes.hpp"
#include "scrapers/runtime/job_runner.hpp"

namespace scrapers::dashboard {
namespace {

int refuse(const std::string& message, int code) {
  std::cerr << "pipeline-jobs: " << message << '\n';
  return code;
}

// Blocks SIGINT and SIGTERM in every thread started from here on (the server's), so
// the waiting thread below receives them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int dashboard_main(const std::string& listen) {
  env::load_dotenv();
  auto address = parse_listen_address(listen);
  if (!address) return refuse(address.error().message, runtime::exit_code::usage);
  const std::optional<std::string> token = env::get("DASHBOARD_TOKEN");
  if (!address->is_loopback() && !token) {
    return refuse("dashboard: --listen " + listen.substr(0, 64) +
                      " is reachable from other machines; set DASHBOARD_TOKEN or listen on 127.0.0.1",
                  runtime::exit_code::usage);
  }
  auto db = runtime::connect_database();
  if (!db) {
    return refuse(db.error().describe(), db.error().kind == ErrorKind::invalid_argument
                                             ? runtime::exit_code::usage
                                             : runtime::exit_code::job_failed);
  }
  const sigset_t stop_signals = block_stop_signals();
  DashboardServer server(DashboardConfig{*address, token}, std::move(*db));
  auto port = server.bind();
  if (!port) return refuse(port.error().message, runtime::exit_code::job_failed);
  std::cout << "dashboard: " << address->url(*port) << "/" << std::endl;
  log::info(token ? "dashboard: actions are on (log in with DASHBOARD_TOKEN)"
                  : "dashboard: read-only (actions are off: DASHBOARD_TOKEN is not set)");
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  const bool served = server.run();
  // run() also returns when the server fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!served) return refuse("dashboard: the server stopped on an error", runtime::exit_code::job_failed);
  return runtime::exit_code::ok;
}

}  // namespace scrapers::dashboard
