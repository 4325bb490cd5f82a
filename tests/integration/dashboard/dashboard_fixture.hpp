// A dashboard server in-process on 127.0.0.1 (any free port) over a fresh, migrated
// database, an httplib client to talk to it, and the queue's own functions to seed jobs.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "scrapers/dashboard/server.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/eventually.hpp"
#include "tracking/queue.hpp"

namespace scrapers::testing {

using Json = nlohmann::json;

struct Reply {
  int status = 0;
  Json body;
  httplib::Headers headers;
  std::string header(const char* name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct Login {
  std::string cookie;  // "dashboard_session=..."
  std::string csrf;
  httplib::Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

class DashboardTest : public TrackingTest {
 protected:
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  // Starts the server; `host` "0.0.0.0" listens beyond loopback (the test still only
  // connects to 127.0.0.1).
  void start(std::optional<std::string> token = std::nullopt, const std::string& host = "127.0.0.1") {
    auto db = tracking::Database::open(sql_->conninfo());
    ASSERT_TRUE(db) << db.error().describe();
    server_ = std::make_unique<dashboard::DashboardServer>(
        dashboard::DashboardConfig{dashboard::ListenAddress{host, 0}, std::move(token)}, std::move(*db));
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().describe();
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    ASSERT_TRUE(eventually([&] { return get("/api/session").status == 200; }));
  }

  static Reply reply(const httplib::Result& r) {
    if (!r) return Reply{};
    return Reply{r->status, Json::parse(r->body, nullptr, false), r->headers};
  }
  Reply get(const std::string& path, const httplib::Headers& headers = {}) const {
    httplib::Client client("127.0.0.1", port_);
    return reply(client.Get(path.c_str(), headers));
  }
  std::string get_text(const std::string& path, httplib::Headers* headers = nullptr) const {
    httplib::Client client("127.0.0.1", port_);
    auto r = client.Get(path.c_str());
    if (!r) return {};
    if (headers) *headers = r->headers;
    return r->body;
  }
  Reply post(const std::string& path, const Json& body, const httplib::Headers& headers = {},
             const char* type = "application/json") const {
    httplib::Client client("127.0.0.1", port_);
    return reply(client.Post(path.c_str(), headers, body.dump(), type));
  }
  Login login(const std::string& token) const {
    const Reply r = post("/api/login", Json{{"token", token}});
    EXPECT_EQ(r.status, 200) << r.body.dump();
    const std::string set_cookie = r.header("Set-Cookie");
    return Login{set_cookie.substr(0, set_cookie.find(';')), r.body.value("csrf_token", "")};
  }

  std::string enqueue(const std::string& program = "try-run", int max_attempts = 3,
                      const std::vector<std::string>& after = {}) const {
    tracking::EnqueueParams p;
    p.program = program;
    p.max_attempts = max_attempts;
    p.after = after;
    auto job = tracking::enqueue_job(*db_, p);
    EXPECT_TRUE(job) << job.error().describe();
    return job ? job->id : std::string();
  }
  // Claims the next runnable job of `program` as worker "test-host:1".
  tracking::ClaimedJob claim(const std::string& program = "try-run") const {
    tracking::ClaimParams p;
    p.worker = "test-host:1";
    p.programs = {program};
    auto claimed = tracking::claim_jobs(*db_, p);
    EXPECT_TRUE(claimed && !claimed->empty());
    return claimed && !claimed->empty() ? claimed->front() : tracking::ClaimedJob{};
  }
  // Claims and fails `program`'s next job for good with `error`.
  std::string fail_one(const std::string& program, const std::string& error) const {
    enqueue(program, 1);
    const auto job = claim(program);
    tracking::AttemptEnd end;
    end.failed = true;
    end.error = error;
    EXPECT_TRUE(tracking::finish_attempt(*db_, job.id, "test-host:1", job.attempt, end));
    return job.id;
  }

  std::unique_ptr<dashboard::DashboardServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace scrapers::testing
