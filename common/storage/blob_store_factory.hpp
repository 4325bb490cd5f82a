// Picks the asset store from the environment.
//
// S3/R2 when CLOUDFLARE_R2_ENDPOINT, CLOUDFLARE_R2_ACCESS_KEY_ID,
// CLOUDFLARE_R2_SECRET_ACCESS_KEY and CLOUDFLARE_R2_BUCKET are all set (optional:
// CLOUDFLARE_R2_REGION, default "auto"; CLOUDFLARE_R2_KEY_PREFIX, default none).
// When none of the four is set: a LocalBlobStore at ASSET_DIR (default
// ./data/assets). Some but not all set is a configuration error
// (ErrorKind::invalid_argument) naming the missing variables — never their values.
#pragma once

#include <memory>

#include "common/http/message.hpp"
#include "common/storage/blob_store.hpp"

namespace scrapers::storage {

// The returned store keeps a reference to `transport` (S3 case): it must outlive it.
Result<std::unique_ptr<BlobStore>> make_blob_store_from_env(http::Transport& transport);

}  // namespace scrapers::storage
