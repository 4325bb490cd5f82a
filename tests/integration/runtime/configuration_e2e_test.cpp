// Configuration a user switching from the original worker gets wrong, through the real
// binaries: no database is needed (each case is refused, or fails on a closed local port,
// before any request), and nothing leaves 127.0.0.1.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/process.hpp"

namespace scrapers::testing {
namespace {

std::string bin(const std::string& name) { return std::string(SCRAPERS_BINARY_DIR) + "/bin/" + name; }

// libpq connects to hostaddr (a closed port on this machine) while `host` names a
// remote server: the suite sees a database on another machine, the network sees loopback.
const std::string kRemoteLookingUrl = "host=db.abcdefghij.supabase.co hostaddr=127.0.0.1 port=9 user=postgres";

ProcessOptions environment(std::vector<std::pair<std::string, std::string>> env) {
  ProcessOptions options{.env = std::move(env),
                         .unset_env = {"DATABASE_URL", "ASSET_DIR", "CLOUDFLARE_R2_ENDPOINT",
                                       "CLOUDFLARE_R2_ACCESS_KEY_ID", "CLOUDFLARE_R2_SECRET_ACCESS_KEY",
                                       "CLOUDFLARE_R2_BUCKET", "SUPABASE_URL"}};
  options.working_directory = "/";  // no .env of the checkout
  return options;
}

TEST(Configuration, AMissingDatabaseUrlWithSupabaseUrlNamesTheConnectionStringToUse) {
  const auto result = run_process(bin("readnovel-api"), {"8f4c5a3e-0000-4000-8000-000000000001", "a-novel"},
                                  environment({{"SUPABASE_URL", "https://abcdefghij.supabase.co"}}));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("DATABASE_URL is not set"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("db.abcdefghij.supabase.co:5432"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("SUPABASE_SERVICE_ROLE_KEY is not needed"), std::string::npos) << result.err;
}

TEST(Configuration, AssetProgramsRefuseARemoteDatabaseWithoutASharedAssetStore) {
  for (const auto& [program, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"readnovel-segment", {"--edition", "8f4c5a3e-0000-4000-8000-000000000001"}},
           {"chereads-segment", {"--editionId=8f4c5a3e-0000-4000-8000-000000000001"}},
           {"bulk-download-subtitles",
            {"--workId", "8f4c5a3e-0000-4000-8000-000000000001", "--seriesName", "X"}}}) {
    const auto result = run_process(
        bin(program), args, environment({{"DATABASE_URL", kRemoteLookingUrl}, {"OPENSUBTITLES_API_KEY", "k"}}));
    EXPECT_EQ(result.exit_code, 2) << program << ": " << result.err;
    EXPECT_NE(result.err.find("the database is on db.abcdefghij.supabase.co but no asset store is configured"),
              std::string::npos)
        << program << ": " << result.err;
    EXPECT_NE(result.err.find("CLOUDFLARE_R2_BUCKET"), std::string::npos) << result.err;
  }
}

TEST(Configuration, AnExplicitAssetDirOrAWorkProgramGoesOnToConnect) {
  // Past the check, the closed port fails the connection: exit 1, not the refusal.
  const auto with_dir = run_process(bin("readnovel-segment"),
                                    {"--edition", "8f4c5a3e-0000-4000-8000-000000000001"},
                                    environment({{"DATABASE_URL", kRemoteLookingUrl}, {"ASSET_DIR", "/tmp/x"}}));
  EXPECT_EQ(with_dir.exit_code, 1) << with_dir.err;
  EXPECT_EQ(with_dir.err.find("no asset store"), std::string::npos) << with_dir.err;
  const auto work = run_process(bin("readnovel-api"), {"8f4c5a3e-0000-4000-8000-000000000001", "a-novel"},
                                environment({{"DATABASE_URL", kRemoteLookingUrl}}));
  EXPECT_EQ(work.exit_code, 1) << work.err;
  EXPECT_EQ(work.err.find("no asset store"), std::string::npos) << work.err;
}

}  // namespace
}  // namespace scrapers::testing
