// OpenSubtitles REST API emulator for the fixture server (`--emulate opensubtitles`).
//
// For /api/v1/* it behaves like the real gateway before the recordings answer:
//   - 301 to the canonical target when the query writes a space as %20, a comma raw
//     (the API writes "%2C"; with `comma_form` "," it is the other way round, as an
//     API whose canonical form drifted would) or its keys are not in alphabetical order;
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
// GET /api/v1/subtitles is answered by the recording of its query with the comma
// written "%2C" (so one recording serves both forms). A search by the show's id
// (parent_feature_id / parent_imdb_id / parent_tmdb_id) that has no recording of its
// own is answered as the real API would: from the recording of the name search
// (same parameters, `query` instead of the id) that named the show with that id
// earlier in this session, keeping only that show's items (an unknown id: no results).
// Download links (/download/...) are answered by the recordings, except 410 for the
// next `expire_next_links` fetches; fetches carrying an Api-Key or a token are counted.
//
// Control (JSON): POST /__opensubtitles/config {field: value, ...} sets any of the
// fields above; POST /__opensubtitles/reset restores defaults and clears counters and
// tokens; GET /__opensubtitles/state returns the settings and counters.
#include <algorithm>
#include <array>
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
  std::string login_base_url;      // "" = the host the login was sent to
  std::string comma_form = "%2C";  // how the canonical form writes a list's comma: "%2C" or ","
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
  int searches_by_id = 0;
};

constexpr std::array<std::string_view, 3> kIdKeys = {"parent_feature_id", "parent_imdb_id", "parent_tmdb_id"};

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

std::vector<std::string> split_query(const std::string& query) {
  std::vector<std::string> parts;
  if (query.empty()) return parts;
  for (std::size_t pos = 0; pos <= query.size();) {
    const auto amp = std::min(query.find('&', pos), query.size());
    parts.push_back(query.substr(pos, amp - pos));
    pos = amp + 1;
  }
  return parts;
}

std::string key_of(const std::string& part) { return part.substr(0, part.find('=')); }

std::string join_sorted(std::vector<std::string> parts) {
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return key_of(a) < key_of(b); });
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : "&") + part;
  return joined;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

// The query with every comma written one way: "%2C" (also for "%2c") or ",".
std::string with_commas(std::string query, std::string_view form) {
  replace_all(query, "%2c", "%2C");
  if (form == ",") {
    replace_all(query, "%2C", ",");
  } else {
    replace_all(query, ",", "%2C");
  }
  return query;
}

// The target with %20 written as '+', commas in `comma_form` and the parameters sorted
// by key; "" when already canonical.
std::string canonical_target(const httplib::Request& req, std::string_view comma_form) {
  const std::string query = query_of(req);
  if (query.empty()) return {};
  std::string canonical = with_commas(join_sorted(split_query(query)), comma_form);
  replace_all(canonical, "%20", "+");
  return canonical == query ? std::string() : req.path + "?" + canonical;
}

// The value of `key` in a raw query ("" when absent).
std::string raw_param(const std::string& query, std::string_view key) {
  for (const auto& part : split_query(query)) {
    if (key_of(part) == key) return part.substr(std::min(part.size(), key.size() + 1));
  }
  return {};
}

// "parent_feature_id=123" for the first show id the query sends, "" when none.
std::string id_param(const std::string& query) {
  for (const auto& key : kIdKeys) {
    if (const std::string value = raw_param(query, key); !value.empty()) return std::string(key) + "=" + value;
  }
  return {};
}

// The ids an item's feature_details names, as "parent_feature_id=123" strings.
std::vector<std::string> item_ids(const nlohmann::json& item) {
  std::vector<std::string> ids;
  if (!item.is_object() || !item.contains("attributes") || !item["attributes"].is_object()) return ids;
  const auto& attributes = item["attributes"];
  if (!attributes.contains("feature_details") || !attributes["feature_details"].is_object()) return ids;
  const auto& details = attributes["feature_details"];
  for (const auto& key : kIdKeys) {
    const auto it = details.find(std::string(key));
    if (it != details.end() && it->is_number_integer()) ids.push_back(std::string(key) + "=" + it->dump());
  }
  return ids;
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
    if (req.method == "GET" && req.path == "/api/v1/subtitles") return search(req, res, ctx);
    return false;
  }

 private:
  bool gateway_refuses(const httplib::Request& req, httplib::Response& res) {
    if (const std::string target = canonical_target(req, settings_.comma_form); !target.empty()) {
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

  bool search(const httplib::Request& req, httplib::Response& res, EmulatorContext& ctx) {
    const std::string query = with_commas(query_of(req), "%2C");
    if (ctx.serve_recording(req.method, req.path + "?" + query, req.body, res)) {
      learn_ids(query, res);
      return true;
    }
    const std::string id = id_param(query);
    if (id.empty()) return false;
    ++counters_.searches_by_id;
    return search_by_id(req, query, id, res, ctx);
  }

  // Remembers which name query answered with which show ids.
  void learn_ids(const std::string& query, const httplib::Response& res) {
    const std::string name = raw_param(query, "query");
    if (name.empty() || res.status != 200) return;
    const auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (!body.is_object() || !body.contains("data") || !body["data"].is_array()) return;
    for (const auto& item : body["data"]) {
      for (const auto& id : item_ids(item)) names_by_id_.emplace(id, name);
    }
  }

  bool search_by_id(const httplib::Request& req, const std::string& query, const std::string& id,
                    httplib::Response& res, EmulatorContext& ctx) {
    const auto known = names_by_id_.find(id);
    nlohmann::json answer = {
        {"total_pages", 0}, {"total_count", 0}, {"per_page", 50}, {"page", 1}, {"data", nlohmann::json::array()}};
    if (known != names_by_id_.end()) {
      std::vector<std::string> parts;
      for (const auto& part : split_query(query)) {
        if (std::find(kIdKeys.begin(), kIdKeys.end(), key_of(part)) == kIdKeys.end()) parts.push_back(part);
      }
      parts.push_back("query=" + known->second);
      httplib::Response named;
      if (!ctx.serve_recording(req.method, req.path + "?" + join_sorted(parts), req.body, named)) return false;
      auto body = nlohmann::json::parse(named.body, nullptr, false);
      if (named.status != 200 || !body.is_object() || !body.contains("data") || !body["data"].is_array()) {
        res = named;
        return true;
      }
      nlohmann::json kept = nlohmann::json::array();
      for (const auto& item : body["data"]) {
        const auto ids = item_ids(item);
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) kept.push_back(item);
      }
      body["total_count"] = kept.size();
      body["data"] = std::move(kept);
      answer = std::move(body);
    }
    reply(res, 200, answer);
    return true;
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
      names_by_id_.clear();
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
      } else if (key == "comma_form" && value.is_string() && (value == "," || value == "%2C")) {
        settings_.comma_form = value.get<std::string>();
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
              {"login_base_url", settings_.login_base_url},
              {"comma_form", settings_.comma_form}}},
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
              {"link_fetches_with_token", counters_.link_fetches_with_token},
              {"searches_by_id", counters_.searches_by_id}}}};
  }

  Settings settings_;
  Counters counters_;
  std::map<std::string, std::string> tokens_;  // token -> host it is valid for
  std::deque<std::chrono::steady_clock::time_point> recent_;
  std::map<std::string, std::string> names_by_id_;  // "parent_feature_id=123" -> raw query value
};

}  // namespace
}  // namespace scrapers::testing

using scrapers::testing::OpenSubtitlesEmulator;
SCRAPERS_REGISTER_EMULATOR("opensubtitles", OpenSubtitlesEmulator);
