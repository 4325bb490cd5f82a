// HostGate: a hook every paced request passes right before it is sent, so something
// outside common/http (e.g. pacing shared by all processes through the database) can
// hold it back. PoliteTransport calls before_request() after its own per-host wait;
// an Error (e.g. interrupted while waiting) means the request is not sent and the
// Error is the request's result. common/http only declares the interface.
#pragma once

#include "common/http/url.hpp"
#include "common/util/error.hpp"

namespace scrapers::http {

class HostGate {
 public:
  virtual ~HostGate() = default;
  // Returns once a request to `url` may go out.
  virtual Status before_request(const Url& url) = 0;
};

}  // namespace scrapers::http
