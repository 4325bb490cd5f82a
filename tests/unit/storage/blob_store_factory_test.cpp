#include "common/storage/blob_store_factory.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>

#include "common/storage/local_blob_store.hpp"
#include "common/storage/s3_blob_store.hpp"
#include "tests/unit/storage/support/capturing_transport.hpp"

namespace scrapers::storage {
namespace {

constexpr const char* kSecret = "factory-secret-value";

// Sets the storage variables for one test and restores the previous environment.
class StorageEnv {
 public:
  static constexpr const char* kNames[] = {"CLOUDFLARE_R2_ENDPOINT",
                                           "CLOUDFLARE_R2_ACCESS_KEY_ID",
                                           "CLOUDFLARE_R2_SECRET_ACCESS_KEY",
                                           "CLOUDFLARE_R2_BUCKET",
                                           "CLOUDFLARE_R2_REGION",
                                           "CLOUDFLARE_R2_KEY_PREFIX",
                                           "ASSET_DIR"};
  explicit StorageEnv(const std::map<std::string, std::string>& values) {
    for (const char* name : kNames) {
      if (const char* old = std::getenv(name)) saved_[name] = old;
      ::unsetenv(name);
    }
    for (const auto& [name, value] : values) ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~StorageEnv() {
    for (const char* name : kNames) ::unsetenv(name);
    for (const auto& [name, value] : saved_) ::setenv(name.c_str(), value.c_str(), 1);
  }
  StorageEnv(const StorageEnv&) = delete;
  StorageEnv& operator=(const StorageEnv&) = delete;

 private:
  std::map<std::string, std::string> saved_;
};

const std::map<std::string, std::string> kAllFour = {
    {"CLOUDFLARE_R2_ENDPOINT", "https://acct.r2.cloudflarestorage.com"},
    {"CLOUDFLARE_R2_ACCESS_KEY_ID", "AKIDFACTORY"},
    {"CLOUDFLARE_R2_SECRET_ACCESS_KEY", kSecret},
    {"CLOUDFLARE_R2_BUCKET", "novel-assets"}};

TEST(BlobStoreFromEnv, WithoutR2VariablesStoresLocallyInAssetDir) {
  StorageEnv env(std::map<std::string, std::string>{{"ASSET_DIR", "/tmp/storage-factory-test/assets"}});
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  auto* local = dynamic_cast<LocalBlobStore*>(store->get());
  ASSERT_NE(local, nullptr) << (*store)->describe();
  EXPECT_EQ(local->root(), "/tmp/storage-factory-test/assets");
}

TEST(BlobStoreFromEnv, WithoutAnyVariableUsesTheDefaultDirectory) {
  StorageEnv env(std::map<std::string, std::string>{});
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_TRUE(store.ok());
  auto* local = dynamic_cast<LocalBlobStore*>(store->get());
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->root(), "./data/assets");
}

TEST(BlobStoreFromEnv, WithAllFourR2VariablesUsesTheBucketThroughTheGivenTransport) {
  auto values = kAllFour;
  values["CLOUDFLARE_R2_KEY_PREFIX"] = "prod";
  values["ASSET_DIR"] = "/ignored";
  StorageEnv env(values);
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  auto* s3 = dynamic_cast<S3BlobStore*>(store->get());
  ASSERT_NE(s3, nullptr) << (*store)->describe();
  EXPECT_EQ(s3->object_url("a.txt"), "https://acct.r2.cloudflarestorage.com/novel-assets/prod/a.txt");
  ASSERT_TRUE((*store)->exists("a.txt").ok());
  ASSERT_EQ(transport.requests.size(), 1u);
  EXPECT_EQ(transport.requests[0].aws_sigv4->provider, "aws:amz:auto:s3");
  EXPECT_EQ(transport.requests[0].aws_sigv4->secret_access_key, kSecret);
}

TEST(BlobStoreFromEnv, TheRegionCanBeOverridden) {
  auto values = kAllFour;
  values["CLOUDFLARE_R2_REGION"] = "eu-west-1";
  StorageEnv env(values);
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->exists("a.txt").ok());
  EXPECT_EQ(transport.requests[0].aws_sigv4->provider, "aws:amz:eu-west-1:s3");
}

TEST(BlobStoreFromEnv, APartialR2ConfigurationIsAnErrorNamingOnlyTheMissingVariables) {
  StorageEnv env(
      std::map<std::string, std::string>{{"CLOUDFLARE_R2_ENDPOINT", "https://acct.r2.cloudflarestorage.com"},
                                         {"CLOUDFLARE_R2_SECRET_ACCESS_KEY", kSecret},
                                         {"CLOUDFLARE_R2_BUCKET", ""}});  // empty counts as unset
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_FALSE(store.ok());
  const auto& message = store.error().message;
  EXPECT_EQ(store.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(message.find("missing CLOUDFLARE_R2_ACCESS_KEY_ID, CLOUDFLARE_R2_BUCKET"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("missing CLOUDFLARE_R2_ENDPOINT"), std::string::npos) << message;
  EXPECT_EQ(store.error().describe().find(kSecret), std::string::npos);
}

TEST(BlobStoreFromEnv, AnInvalidR2SettingIsAnErrorWithoutTheSecret) {
  auto values = kAllFour;
  values["CLOUDFLARE_R2_BUCKET"] = "Not A Bucket";
  StorageEnv env(values);
  scrapers::testing::CapturingTransport transport;
  auto store = make_blob_store_from_env(transport);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(store.error().message.find("bucket"), std::string::npos);
  EXPECT_EQ(store.error().describe().find(kSecret), std::string::npos);
}

}  // namespace
}  // namespace scrapers::storage
