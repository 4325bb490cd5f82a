#include "common/storage/blob_store_factory.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "common/storage/local_blob_store.hpp"
#include "common/storage/s3_blob_store.hpp"
#include "common/util/env.hpp"

namespace scrapers::storage {

Result<std::unique_ptr<BlobStore>> make_blob_store_from_env(http::Transport& transport) {
  constexpr std::array<const char*, 4> kNames = {"CLOUDFLARE_R2_ENDPOINT", "CLOUDFLARE_R2_ACCESS_KEY_ID",
                                                 "CLOUDFLARE_R2_SECRET_ACCESS_KEY", "CLOUDFLARE_R2_BUCKET"};
  std::array<std::optional<std::string>, 4> values;
  std::string missing;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    values[i] = env::get(kNames[i]);
    if (!values[i]) missing += (missing.empty() ? "" : ", ") + std::string(kNames[i]);
  }
  if (missing.size() == 0) {
    S3Config config{*values[0],
                    *values[3],
                    *values[1],
                    *values[2],
                    env::get_or("CLOUDFLARE_R2_REGION", "auto"),
                    env::get_or("CLOUDFLARE_R2_KEY_PREFIX", "")};
    if (auto valid = validate_s3_config(config); !valid) return std::move(valid).error();
    return std::unique_ptr<BlobStore>(std::make_unique<S3BlobStore>(std::move(config), transport));
  }
  const bool none_set = std::none_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
  if (!none_set) {
    return make_error(
        ErrorKind::invalid_argument,
        "Cloudflare R2 storage is only partly configured: missing " + missing +
            " (set all four CLOUDFLARE_R2_* variables, or none to store assets locally in ASSET_DIR)");
  }
  return std::unique_ptr<BlobStore>(std::make_unique<LocalBlobStore>(LocalBlobStore::from_env()));
}

}  // namespace scrapers::storage
