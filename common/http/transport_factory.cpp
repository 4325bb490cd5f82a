#include "common/http/transport_factory.hpp"

#include "common/http/curl_transport.hpp"
#include "common/http/recording_transport.hpp"
#include "common/http/replay_transport.hpp"
#include "common/http/retry.hpp"
#include "common/util/env.hpp"
#include "common/util/log.hpp"

namespace scrapers::http {

Result<std::unique_ptr<Transport>> make_transport_from_env(Clock& clock, const TransportSettings& settings) {
  const auto replay_dir = env::get("HTTP_REPLAY_DIR");
  const auto record_dir = env::get("HTTP_RECORD_DIR");
  if (replay_dir && record_dir) {
    return make_error(ErrorKind::invalid_argument, "set HTTP_REPLAY_DIR or HTTP_RECORD_DIR, not both");
  }
  if (replay_dir) {
    auto replay = ReplayTransport::open(*replay_dir);
    if (!replay.ok()) return std::move(replay).error();
    log::info("HTTP: replaying " + std::to_string((*replay)->recordings()) + " recordings from " + *replay_dir);
    return std::unique_ptr<Transport>(std::move(*replay));
  }
  auto curl_options = curl_options_from_env();
  if (!curl_options.ok()) return std::move(curl_options).error();
  auto retry_policy = retry_policy_from_env();
  if (!retry_policy.ok()) return std::move(retry_policy).error();
  std::unique_ptr<Transport> transport = std::make_unique<CurlTransport>(std::move(*curl_options));
  transport = std::make_unique<PoliteTransport>(
      std::move(transport), clock,
      PolitenessPolicy{settings.min_delay, settings.requests_per_minute, settings.host_gate});
  transport = std::make_unique<RetryingTransport>(std::move(transport), clock, *retry_policy);
  if (record_dir) {
    log::info("HTTP: recording responses into " + *record_dir);
    transport = std::make_unique<RecordingTransport>(std::move(transport), *record_dir, clock);
  }
  return transport;
}

std::string describe_transport_from_env() {
  if (const auto dir = env::get("HTTP_REPLAY_DIR")) return "replay from " + *dir;
  if (const auto dir = env::get("HTTP_RECORD_DIR")) return "curl with retries, recording into " + *dir;
  return "curl with retries";
}

}  // namespace scrapers::http
