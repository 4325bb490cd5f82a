#include "common/storage/local_blob_store.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace scrapers::storage {
namespace {

namespace fs = std::filesystem;

// sha256("hello world") and sha256(""), as printed by sha256sum.
constexpr const char* kHelloSha = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
constexpr const char* kEmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "storage_test.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every entry below `root`, relative, directories included.
std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    entries.insert(fs::relative(entry.path(), root).string());
  }
  return entries;
}

ino_t inode_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0);
  return info.st_ino;
}

class LocalStore : public ::testing::Test {
 protected:
  TempDir temp;
  fs::path root = temp.path() / "assets";
  LocalBlobStore store{root};
};

TEST_F(LocalStore, PutWritesTheContentAndReportsSizeSha256ProviderAndBucket) {
  auto blob = store.put("raw/novel/w/e/number-0001/chapter.html", "hello world", "text/html");
  ASSERT_TRUE(blob.ok()) << blob.error().describe();
  EXPECT_EQ(slurp(root / "raw/novel/w/e/number-0001/chapter.html"), "hello world");
  EXPECT_EQ(blob->key, "raw/novel/w/e/number-0001/chapter.html");
  EXPECT_EQ(blob->bytes, 11u);
  EXPECT_EQ(blob->sha256, kHelloSha);
  EXPECT_EQ(blob->provider, "local");
  EXPECT_EQ(blob->bucket, "assets");
}

TEST_F(LocalStore, PutOfEmptyContentStoresAnEmptyFile) {
  auto blob = store.put("empty.txt", "", "");
  ASSERT_TRUE(blob.ok()) << blob.error().describe();
  EXPECT_EQ(blob->bytes, 0u);
  EXPECT_EQ(blob->sha256, kEmptySha);
  EXPECT_TRUE(fs::is_regular_file(root / "empty.txt"));
  EXPECT_EQ(fs::file_size(root / "empty.txt"), 0u);
}

TEST_F(LocalStore, PutLeavesOnlyTheFinalFilesBehind) {
  ASSERT_TRUE(store.put("a/b/one.txt", "1", "").ok());
  ASSERT_TRUE(store.put("a/two.txt", std::string(300000, 'x'), "").ok());
  ASSERT_TRUE(store.put("a/two.txt", "replaced", "").ok());
  EXPECT_EQ(tree(root), (std::set<std::string>{"a", "a/b", "a/b/one.txt", "a/two.txt"}));
  EXPECT_EQ(slurp(root / "a/two.txt"), "replaced");
}

TEST_F(LocalStore, PuttingIdenticalContentAgainIsANoOpReturningTheSameBlob) {
  auto first = store.put("k/file.txt", "hello world", "text/plain");
  ASSERT_TRUE(first.ok());
  const auto inode = inode_of(root / "k/file.txt");
  auto second = store.put("k/file.txt", "hello world", "text/plain");
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_EQ(*second, *first);
  EXPECT_EQ(inode_of(root / "k/file.txt"), inode) << "the file was rewritten";
}

TEST_F(LocalStore, PuttingDifferentContentReplacesTheFileByRename) {
  ASSERT_TRUE(store.put("k/file.txt", "old content", "").ok());
  const auto inode = inode_of(root / "k/file.txt");
  auto blob = store.put("k/file.txt", "hello world", "");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(blob->sha256, kHelloSha);
  EXPECT_EQ(slurp(root / "k/file.txt"), "hello world");
  EXPECT_NE(inode_of(root / "k/file.txt"), inode) << "the old file was written in place";
}

// RLIMIT_FSIZE makes write() fail part-way (EFBIG), for root too.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{bytes, saved_.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

TEST_F(LocalStore, AFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile) {
  ASSERT_TRUE(store.put("k/file.txt", "old content", "").ok());
  Result<StoredBlob> failed = make_error(ErrorKind::internal, "not run");
  {
    FileSizeLimit limit(4096);
    failed = store.put("k/file.txt", std::string(64 * 1024, 'n'), "");
  }
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::io);
  EXPECT_NE(failed.error().context.find("k/file.txt"), std::string::npos);
  EXPECT_EQ(slurp(root / "k/file.txt"), "old content");
  EXPECT_EQ(tree(root), (std::set<std::string>{"k", "k/file.txt"}));
}

TEST_F(LocalStore, HostileKeysAreRefusedBeforeAnythingIsCreated) {
  for (const std::string key : {"../escape.txt", "/abs.txt", "a/../../escape.txt", "a//b", "C:\\x"}) {
    auto blob = store.put(key, "x", "");
    ASSERT_FALSE(blob.ok()) << key;
    EXPECT_EQ(blob.error().kind, ErrorKind::invalid_argument) << key;
    EXPECT_FALSE(store.exists(key).ok()) << key;
    EXPECT_FALSE(store.read(key).ok()) << key;
  }
  EXPECT_FALSE(fs::exists(root)) << "the store created its root for a refused key";
  EXPECT_FALSE(fs::exists(temp.path() / "escape.txt"));
}

TEST_F(LocalStore, ASymlinkedDirectoryInsideTheRootIsNotFollowed) {
  TempDir outside;
  fs::create_directories(root);
  fs::create_directory_symlink(outside.path(), root / "raw");
  auto blob = store.put("raw/novel/x.html", "payload", "");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::io);
  EXPECT_NE(blob.error().message.find("symbolic link 'raw'"), std::string::npos) << blob.error().message;
  EXPECT_TRUE(fs::is_empty(outside.path())) << "something was written outside the root";
  EXPECT_FALSE(store.exists("raw/novel/x.html").ok());
}

TEST_F(LocalStore, ASymlinkedObjectInsideTheRootIsNeitherReadNorReplaced) {
  TempDir outside;
  std::ofstream(outside.path() / "secret.txt") << "outside data";
  fs::create_directories(root / "k");
  fs::create_symlink(outside.path() / "secret.txt", root / "k/file.txt");

  auto read = store.read("k/file.txt");
  ASSERT_FALSE(read.ok()) << "read followed the link: " << *read;
  EXPECT_NE(read.error().message.find("symbolic link"), std::string::npos) << read.error().message;
  EXPECT_FALSE(store.exists("k/file.txt").ok());
  auto blob = store.put("k/file.txt", "overwrite", "");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(slurp(outside.path() / "secret.txt"), "outside data");
  EXPECT_TRUE(fs::is_symlink(root / "k/file.txt"));
}

TEST_F(LocalStore, ARootBelowARegularFileIsAnIoError) {
  std::ofstream(temp.path() / "plain-file") << "x";
  LocalBlobStore broken(temp.path() / "plain-file" / "assets");
  auto blob = broken.put("a.txt", "x", "");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::io);
  EXPECT_NE(blob.error().describe().find("plain-file"), std::string::npos) << blob.error().describe();
}

TEST_F(LocalStore, AnUnwritableRootIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions; covered by ARootBelowARegularFile";
  fs::create_directories(root);
  fs::permissions(root, fs::perms::owner_read | fs::perms::owner_exec);
  auto blob = store.put("a/b.txt", "x", "");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().kind, ErrorKind::io);
  EXPECT_NE(blob.error().message.find("Permission denied"), std::string::npos) << blob.error().message;
}

TEST_F(LocalStore, ExistsAndReadReflectWhatWasPut) {
  EXPECT_FALSE(store.exists("a/b.txt").value()) << "missing root counts as absent";
  ASSERT_TRUE(store.put("a/b.txt", "hello world", "").ok());
  EXPECT_TRUE(store.exists("a/b.txt").value());
  EXPECT_FALSE(store.exists("a/c.txt").value());
  EXPECT_FALSE(store.exists("x/y/z.txt").value());
  EXPECT_FALSE(store.exists("a").value()) << "a directory is not an object";
  EXPECT_EQ(store.read("a/b.txt").value(), "hello world");
  auto missing = store.read("a/c.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST(LocalStoreSetup, BucketIsTheRootDirectoryName) {
  EXPECT_EQ(LocalBlobStore("/srv/data/assets/").bucket(), "assets");
  EXPECT_EQ(LocalBlobStore("./data/assets").bucket(), "assets");
  EXPECT_EQ(LocalBlobStore("/srv/store").bucket(), "store");
}

TEST(LocalStoreSetup, RootComesFromAssetDirWithADefault) {
  const char* saved = std::getenv("ASSET_DIR");
  const std::string saved_value = saved ? saved : "";
  ::setenv("ASSET_DIR", "/tmp/storage-env-root/blobs", 1);
  EXPECT_EQ(LocalBlobStore::from_env().root(), fs::path("/tmp/storage-env-root/blobs"));
  ::unsetenv("ASSET_DIR");
  EXPECT_EQ(LocalBlobStore::from_env().root(), fs::path("./data/assets"));
  if (saved) ::setenv("ASSET_DIR", saved_value.c_str(), 1);
  EXPECT_NE(LocalBlobStore("/x/assets").describe().find("/x/assets"), std::string::npos);
}

}  // namespace
}  // namespace scrapers::storage
