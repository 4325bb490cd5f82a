// ReplayTransport: answers from recordings on disk and never touches the network.
//
// Matching and the file format are described in recording.hpp. A request with no
// recording is ErrorKind::not_found naming the method and the URL; a URL that is
// not http(s) is invalid_argument, like the curl transport. Redirect recordings
// (3xx + Location) are followed through other recordings when the request follows
// redirects (at most 5, 303 and POST-on-301/302 become GET), filling
// effective_url and redirect_count, under the same redirect policy as the curl
// transport (redirect_policy.hpp; there is no socket here, so for downloads only
// private names and IP literals are refused, not names that resolve privately). Request::max_body_bytes is honoured (too_large).
// Recordings are indexed once, when the transport is opened.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include "common/http/recording.hpp"
#include "common/http/redirect_policy.hpp"

namespace scrapers::http {

class ReplayTransport final : public Transport {
 public:
  explicit ReplayTransport(RecordingIndex index);
  // not_found when `dir` does not exist; parse errors for a malformed meta file.
  static Result<std::unique_ptr<ReplayTransport>> open(const std::filesystem::path& dir);

  Result<Response> send(const Request& request) override;

  std::size_t recordings() const { return index_.size(); }
  std::size_t requests_served() const { return served_.load(); }

 private:
  Result<Response> answer_once(const Request& request, const Hop& hop) const;

  RecordingIndex index_;
  std::atomic<std::size_t> served_{0};
};

}  // namespace scrapers::http
