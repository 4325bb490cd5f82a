// OpenSubtitles REST API emulator for the fixture server (`--emulate opensubtitles`).
//
// For /api/v1/* it behaves like the real gateway before the recordings answer:
//   - 301 to the canonical target when the query writes a space as %20 or its keys
//     are not in alphabetical order;
//   - 403 without an Api-Key (or without a User-Agent);
//   - 429 with Retry-After for the next `throttle_next` requests, and whenever more
//     than `max_requests_per_second` requests arrive within one second (0 = off);
//   - Bearer tokens are those it issued at POST /login, each valid only for the host
//     the login was sent to (another host: 401 "Invalid domain"; unknown: 401);
//   - POST /login answers the recording with a fresh token and, as base_url, the
//     host the login was sent to, or `login_base_url` when set (a hostile answer,
//     e.g. another local server's "localhost:<port>", which a client must not
//     follow); `fail_login` answers 401 instead;
//   - POST /download answers 406 with the quota body once `downloads_before_406`
//     links were handed out (-1 = unlimited); otherwise the recording answers, with
//     its link pointed at this server and remaining/requests counted.
// Download links (/download/...) are answered by the recordings, except 410 for the
// next `expire_next_links` fetches; fetches carrying an Api-Key or a token are counted.
//
// Control (JSON): POST /__opensubtitles/config {field: value, ...} sets any of the
// fields above; POST /__opensubtitles/reset restores defaults and clears counters and
// tokens; GET /__opensubtitles/state returns the settings and counters.
#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/fixture_server/emulator.hpp"

namespace scrapers::testing {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1/";
constexpr std::string_view kControlPrefix = "/__opensubtitles/";
constexpr std::string_view kRecordedLinkOrigin = "https://www.opensubtitles.com";

struct Settings {
  int downloads_before_406 = -1;
  int throttle_next = 0;
  int retry_after = 1;
  int expire_next_links = 0;
  int max_requests_per_second = 0;
  bool fail_login = false;
  std::string login_base_url;  // "" = the host the login was sent to
};

struct Counters {
  int api_requests = 0;
  int redirects = 0;
  int rejected_without_key = 0;
  int rate_limited = 0;
  int unauthorized = 0;
  int logins = 0;
  int downloads = 0;
  int quota_refusals = 0;
  int link_fetches = 0;
  int links_expired = 0;
  int link_fetches_with_api_key = 0;
  int link_fetches_with_token = 0;
};

void reply(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string query_of(const httplib::Request& req) {
  const auto q = req.target.find('?');
  return q == std::string::npos ? std::string() : req.target.substr(q + 1);
}

std::string host_name(const std::string& host_header) {
  const auto colon = host_header.rfind(':');
  return colon == std::string::npos ? host_header : host_header.substr(0, colon);
}

// The target with %20 written as '+' and the parameters sorted by key; "" when already canonical.
std::string canonical_target(const httplib::Request& req) {
  const std::string query = query_of(req);
  if (query.empty()) return {};
  std::vector<std::string> parts;
  for (std::size_t pos = 0; pos <= query.size();) {
    const auto amp = std::min(query.find('&', pos), query.size());
    parts.push_back(query.substr(pos, amp - pos));
    pos = amp + 1;
  }
  auto key_of = [](const std::string& part) { return part.substr(0, part.find('=')); };
  std::stable_sort(parts.begin(), parts.end(),
                   [&](const auto& a, const auto& b) { return key_of(a) < key_of(b); });
  std::string sorted;
  for (const auto& part : parts) sorted += (sorted.empty() ? "" : "&") + part;
  for (auto p = sorted.find("%20"); p != std::string::npos; p = sorted.find("%20", p + 1))
    sorted.replace(p, 3, "+");
  return sorted == query ? std::string() : req.path + "?" + sorted;
}

class OpenSubtitlesEmulator final : public SiteEmulator {
 public:
  bool handle(const httplib::Request& req, httplib::Response& res, EmulatorContext& ctx) override {
    if (starts_with(req.path, kControlPrefix)) return control(req, res);
    if (starts_with(req.path, "/download/")) return link_fetch(req, res);
    if (!starts_with(req.path, kApiPrefix)) return false;
    ++counters_.api_requests;
    if (gateway_refuses(req, res)) return true;
    if (req.method == "POST" && req.path == "/api/v1/login") return login(req, res, ctx);
    if (req.method == "POST" && req.path == "/api/v1/download") return download(req, res, ctx);
    return false;
  }

 private:
  bool gateway_refuses(const httplib::Request& req, httplib::Response& res) {
    if (const std::string target = canonical_target(req); !target.empty()) {
      ++counters_.redirects;
      res.status = 301;
      res.set_header("Location", target);
      return true;
    }
    if (req.get_header_value("Api-Key").empty() || req.get_header_value("User-Agent").empty()) {
      ++counters_.rejected_without_key;
      reply(res, 403, {{"message", "You cannot consume this service"}});
      return true;
    }
    if (rate_limited()) {
      ++counters_.rate_limited;
      res.set_header("Retry-After", std::to_string(settings_.retry_after));
      res.set_header("RateLimit-Remaining", "0");
      reply(res, 429, {{"message", "API rate limit exceeded"}});
      return true;
    }
    return token_refused(req, res);
  }

  bool rate_limited() {
    const auto now = std::chrono::steady_clock::now();
    while (!recent_.empty() && now - recent_.front() >= std::chrono::seconds(1)) recent_.pop_front();
    recent_.push_back(now);
    if (settings_.throttle_next > 0) {
      --settings_.throttle_next;
      return true;
    }
    return settings_.max_requests_per_second > 0 &&
           recent_.size() > static_cast<std::size_t>(settings_.max_requests_per_second);
  }

  bool token_refused(const httplib::Request& req, httplib::Response& res) {
    const std::string auth = req.get_header_value("Authorization");
    if (auth.empty()) return false;
    const auto it = tokens_.find(starts_with(auth, "Bearer ") ? auth.substr(7) : auth);
    if (it == tokens_.end()) {
      ++counters_.unauthorized;
      reply(res, 401, {{"message", "invalid token"}, {"status", 401}});
      return true;
    }
    if (it->second != host_name(req.get_header_value("Host"))) {
      ++counters_.unauthorized;
      reply(res, 401, {{"errors", {"Invalid domain"}}, {"status", 401}});
      return true;
    }
    return false;
  }

  bool login(const httplib::Request& req, httplib::Response& res, EmulatorContext& ctx) {
    ++counters_.logins;
    if (settings_.fail_login) {
      reply(res, 401, {{"message", "Error, invalid username/password"}, {"status", 401}});
      return true;
    }
    if (!ctx.serve_recording(req.method, req.target, req.body, res)) return false;
    auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object()) return true;
    const std::string host = host_name(req.get_header_value("Host"));
    const std::string token = "emulated-token-" + std::to_string(tokens_.size() + 1);
    tokens_[token] = host;
    body["base_url"] = settings_.login_base_url.empty() ? host : settings_.login_base_url;
    body["token"] = token;
    res.set_content(body.dump(), "application/json; charset=utf-8");
    return true;
  }

  bool download(const httplib::Request& req, httplib::Response& res, EmulatorContext& ctx) {
    const int limit = settings_.downloads_before_406;
    if (limit >= 0 && counters_.downloads >= limit) {
      ++counters_.quota_refusals;
      reply(res, 406,
            {{"requests", limit},
             {"remaining", 0},
             {"message", "You have downloaded your allowed " + std::to_string(limit) +
                             " subtitles for 24h.Your quota will be renewed in 09 hours and 57 minutes "
                             "(2024-04-23 23:59:59 UTC) ts=1713880932 "},
             {"reset_time", "09 hours and 57 minutes"},
             {"reset_time_utc", "2024-04-23T23:59:59.000Z"}});
      return true;
    }
    if (!ctx.serve_recording(req.method, req.target, req.body, res)) return false;
    auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object()) return true;
    ++counters_.downloads;
    if (body.contains("link") && body["link"].is_string()) {
      std::string link = body["link"].get<std::string>();
      if (starts_with(link, kRecordedLinkOrigin)) {
        link.replace(0, kRecordedLinkOrigin.size(), "http://" + req.get_header_value("Host"));
      }
      body["link"] = link;
    }
    if (limit >= 0) {
      body["requests"] = counters_.downloads;
      body["remaining"] = limit - counters_.downloads;
    }
    res.set_content(body.dump(), "application/json; charset=utf-8");
    return true;
  }

  bool link_fetch(const httplib::Request& req, httplib::Response& res) {
    ++counters_.link_fetches;
    if (req.has_header("Api-Key")) ++counters_.link_fetches_with_api_key;
    if (req.has_header("Authorization")) ++counters_.link_fetches_with_token;
    if (settings_.expire_next_links > 0) {
      --settings_.expire_next_links;
      ++counters_.links_expired;
      reply(res, 410, {{"message", "Download link expired"}, {"status", 410}});
      return true;
    }
    return false;
  }

  bool control(const httplib::Request& req, httplib::Response& res) {
    const std::string action = req.path.substr(kControlPrefix.size());
    if (action == "reset" && req.method == "POST") {
      settings_ = Settings{};
      counters_ = Counters{};
      tokens_.clear();
      recent_.clear();
    } else if (action == "config" && req.method == "POST") {
      const auto json = nlohmann::json::parse(req.body, nullptr, false);
      if (!json.is_object()) {
        reply(res, 400, {{"error", "config must be a JSON object"}});
        return true;
      }
      if (const std::string bad = configure(json); !bad.empty()) {
        reply(res, 400, {{"error", bad}});
        return true;
      }
    } else if (action != "state" || req.method != "GET") {
      reply(res, 404, {{"error", "unknown emulator control " + req.method + " " + req.path}});
      return true;
    }
    reply(res, 200, state());
    return true;
  }

  // Applies known fields; returns a message naming the first bad one ("" when all are fine).
  std::string configure(const nlohmann::json& json) {
    const std::map<std::string, int*> ints = {{"downloads_before_406", &settings_.downloads_before_406},
                                              {"throttle_next", &settings_.throttle_next},
                                              {"retry_after", &settings_.retry_after},
                                              {"expire_next_links", &settings_.expire_next_links},
                                              {"max_requests_per_second", &settings_.max_requests_per_second}};
    for (const auto& [key, value] : json.items()) {
      if (key == "fail_login" && value.is_boolean()) {
        settings_.fail_login = value.get<bool>();
      } else if (key == "login_base_url" && value.is_string()) {
        settings_.login_base_url = value.get<std::string>();
      } else if (ints.count(key) != 0 && value.is_number_integer()) {
        *ints.at(key) = value.get<int>();
      } else {
        return "unknown or mistyped field '" + key + "'";
      }
    }
    return {};
  }

  nlohmann::json state() const {
    return {{"settings",
             {{"downloads_before_406", settings_.downloads_before_406},
              {"throttle_next", settings_.throttle_next},
              {"retry_after", settings_.retry_after},
              {"expire_next_links", settings_.expire_next_links},
              {"max_requests_per_second", settings_.max_requests_per_second},
              {"fail_login", settings_.fail_login},
              {"login_base_url", settings_.login_base_url}}},
            {"counters",
             {{"api_requests", counters_.api_requests},
              {"redirects", counters_.redirects},
              {"rejected_without_key", counters_.rejected_without_key},
              {"rate_limited", counters_.rate_limited},
              {"unauthorized", counters_.unauthorized},
              {"logins", counters_.logins},
              {"downloads", counters_.downloads},
              {"quota_refusals", counters_.quota_refusals},
              {"link_fetches", counters_.link_fetches},
              {"links_expired", counters_.links_expired},
              {"link_fetches_with_api_key", counters_.link_fetches_with_api_key},
              {"link_fetches_with_token", counters_.link_fetches_with_token}}}};
  }

  Settings settings_;
  Counters counters_;
  std::map<std::string, std::string> tokens_;  // token -> host it is valid for
  std::deque<std::chrono::steady_clock::time_point> recent_;
};

}  // namespace
}  // namespace scrapers::testing

using scrapers::testing::OpenSubtitlesEmulator;
SCRAPERS_REGISTER_EMULATOR("opensubtitles", OpenSubtitlesEmulator);
