#include "scrapers/runtime/services.hpp"

#include "common/storage/blob_store_factory.hpp"
#include "common/util/env.hpp"
#include "common/util/log.hpp"

namespace scrapers::runtime {

Status check_asset_store_reaches_the_database(const std::optional<std::string>& remote_database_host) {
  if (!remote_database_host || env::get("ASSET_DIR") || env::get("CLOUDFLARE_R2_ENDPOINT") ||
      env::get("CLOUDFLARE_R2_BUCKET"))
    return Ok{};
  return make_error(
      ErrorKind::invalid_argument,
      "the database is on " + *remote_database_host +
          " but no asset store is configured: set CLOUDFLARE_R2_ENDPOINT, CLOUDFLARE_R2_ACCESS_KEY_ID, "
          "CLOUDFLARE_R2_SECRET_ACCESS_KEY and CLOUDFLARE_R2_BUCKET (or ASSET_DIR to keep assets on "
          "this machine on purpose)");
}

Result<std::unique_ptr<ServiceBundle>> ServiceBundle::from_env(const http::TransportSettings& settings) {
  std::unique_ptr<ServiceBundle> bundle(new ServiceBundle());
  auto transport = http::make_transport_from_env(bundle->clock_, settings);
  if (!transport) return std::move(transport).error();
  bundle->transport_ = std::move(transport).value();

  auto storage_transport = http::make_transport_from_env(bundle->clock_, {});
  if (!storage_transport) return std::move(storage_transport).error();
  bundle->storage_transport_ = std::move(storage_transport).value();

  auto blobs = storage::make_blob_store_from_env(*bundle->storage_transport_);
  if (!blobs) return std::move(blobs).error();
  bundle->blobs_ = std::move(blobs).value();

  log::info("http: " + http::describe_transport_from_env() + "; assets: " + bundle->blobs_->describe());
  return bundle;
}

Services ServiceBundle::services() { return Services{clock_, *transport_, *blobs_}; }

}  // namespace scrapers::runtime
