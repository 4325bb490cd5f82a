// RecordingTransport: fetches through the inner transport and writes each response
// as a recording (format in recording.hpp) into a directory, with secrets scrubbed.
//
// Never written: request headers (so Api-Key, Authorization and Cookie cannot leak),
// response headers outside a small allow-list (Content-Type, Location, Retry-After,
// cf-*, Server, rate-limit headers, ...) and any secret-looking header, the values of
// token-like query parameters (REDACTED), and the values of token-like keys in JSON
// bodies (request and response). Transport errors are passed through unrecorded.
// The file name is derived from method, path and query plus a short hash, so
// recording the same request again overwrites it. A failure to write is an io error.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/http/recording.hpp"
#include "common/util/clock.hpp"

namespace scrapers::http {

// "get-api-chapters-solo-leveling-1a2b3c4d.json": readable, unique per request key.
std::string recording_file_name(std::string_view method, std::string_view url, std::string_view media_type);

// The recording (meta + scrubbed body) that would be written for this exchange;
// nullopt when a JSON body is nested too deeply to be scrubbed safely
// (kMaxRecordedJsonDepth): such an exchange is passed on but not recorded.
std::optional<Recording> make_recording(const Request& request, const Response& response,
                                        std::chrono::system_clock::time_point recorded_at, std::string& body);

class RecordingTransport final : public Transport {
 public:
  RecordingTransport(std::unique_ptr<Transport> inner, std::filesystem::path dir, Clock& clock);

  Result<Response> send(const Request& request) override;

 private:
  std::unique_ptr<Transport> inner_;
  std::filesystem::path dir_;
  Clock& clock_;
};

}  // namespace scrapers::http
