// The outside world a scraper program talks to, built once from the environment.
//
// ServiceBundle owns the clock, the HTTP transport (curl + retry + per-host pacing,
// or replay/record — see common/http/transport_factory.hpp) and the blob store (local
// directory or S3/R2 — see common/storage/blob_store_factory.hpp). Nothing in it
// knows a site: each program reads its own site's base URLs. Programs pass
// `Services` (references only) to their run functions, so tests can hand in other
// parts. Configuration errors come back as invalid_argument.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/http/message.hpp"
#include "common/http/transport_factory.hpp"
#include "common/storage/blob_store.hpp"
#include "common/util/clock.hpp"
#include "common/util/error.hpp"

namespace scrapers::runtime {

struct Services {
  Clock& clock;
  http::Transport& transport;
  storage::BlobStore& blobs;
};

// With a database on another machine (`remote_database_host`), assets need a store
// others can read: without CLOUDFLARE_R2_* and without an explicit ASSET_DIR this is an
// invalid_argument error naming the variables, so no row ever points at a local disk
// nobody else sees. Ok for a local database (the default local store is fine there).
Status check_asset_store_reaches_the_database(const std::optional<std::string>& remote_database_host);

class ServiceBundle {
 public:
  // `settings.min_delay` is the program's --delay between requests to one host.
  static Result<std::unique_ptr<ServiceBundle>> from_env(const http::TransportSettings& settings);

  Services services();

 private:
  ServiceBundle() = default;

  SystemClock clock_;
  std::unique_ptr<http::Transport> transport_;
  std::unique_ptr<http::Transport> storage_transport_;  // uploads are not paced like scraping
  std::unique_ptr<storage::BlobStore> blobs_;
};

}  // namespace scrapers::runtime
