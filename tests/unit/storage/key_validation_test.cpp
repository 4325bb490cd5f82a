#include <gtest/gtest.h>

#include <string>

#include "common/storage/blob_store.hpp"

namespace scrapers::storage {
namespace {

struct HostileKey {
  std::string name;
  std::string key;
  std::string reason;  // fragment the error message must contain
};

std::ostream& operator<<(std::ostream& out, const HostileKey& k) { return out << k.name; }

class HostileKeys : public ::testing::TestWithParam<HostileKey> {};

TEST_P(HostileKeys, AreRejectedAsInvalidArgumentSayingWhy) {
  const auto& param = GetParam();
  const auto status = validate_key(param.key);
  ASSERT_FALSE(status.ok()) << "accepted: " << printable_key(param.key);
  EXPECT_EQ(status.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(status.error().message.find(param.reason), std::string::npos) << status.error().message;
  EXPECT_NE(status.error().message.find("unsafe object key"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Storage, HostileKeys,
    ::testing::Values(
        HostileKey{"Empty", "", "empty"}, HostileKey{"ParentTraversal", "../../etc/passwd", "'..' segment"},
        HostileKey{"AbsolutePath", "/abs", "absolute path"},
        HostileKey{"DotDotInTheMiddle", "a/../b", "'..' segment"},
        HostileKey{"DotSegment", "a/./b", "'.' segment"}, HostileKey{"TrailingDot", "a/.", "'.' segment"},
        HostileKey{"DoubleSlash", "a//b", "empty segment"}, HostileKey{"TrailingSlash", "a/b/", "empty segment"},
        HostileKey{"WindowsDrivePath", "C:\\x", "backslash"},
        HostileKey{"BackslashTraversal", "..\\..\\x", "backslash"},
        HostileKey{"EmbeddedNul", std::string("a\0b", 3), "control character (0x00"},
        HostileKey{"Newline", "a\nb", "control character (0x0A"},
        HostileKey{"Delete", "a\x7f", "control character (0x7F"},
        HostileKey{"InvalidUtf8", "a\xff\xfe", "not valid UTF-8"},
        HostileKey{"OverlongUtf8Slash", "a\xc0\xaf..", "not valid UTF-8"},
        HostileKey{"TwoKilobyteKey", std::string(2048, 'k'), "2048 bytes long, the limit is 1024"},
        HostileKey{"OverlongSegment", "a/" + std::string(256, 's'), "segment is 256 bytes long"}),
    [](const ::testing::TestParamInfo<HostileKey>& param_info) { return param_info.param.name; });

TEST(KeyValidation, AcceptsTheKeyPatternsTheScrapersUse) {
  EXPECT_TRUE(validate_key("raw/novel/7d4f0b3e-1111-4222-8333-944455556666/e1/number-0001/chapter-1.html").ok());
  EXPECT_TRUE(validate_key("raw/anime/w/e/episode-3/Show.S01E03.en.srt").ok());
  EXPECT_TRUE(validate_key("single-file.txt").ok());
  EXPECT_TRUE(
      validate_key("raw/novel/w/e/number-0002/\xe7\xac\xac\xe4\xba\x8c\xe7\xab\xa0.html").ok());  // UTF-8 title
  EXPECT_TRUE(validate_key("a/..hidden/...three/b..").ok());  // dots inside names are fine
}

TEST(KeyValidation, AcceptsKeysExactlyAtTheLengthLimits) {
  EXPECT_TRUE(validate_key(std::string(kMaxSegmentBytes, 's')).ok());
  const std::string segment(254, 's');
  const std::string key = segment + "/" + segment + "/" + segment + "/" + segment + "/abcd";
  ASSERT_EQ(key.size(), kMaxKeyBytes);
  EXPECT_TRUE(validate_key(key).ok());
  EXPECT_FALSE(validate_key(key + "e").ok());
}

TEST(KeyValidation, ErrorContextShowsTheKeyWithControlBytesEscaped) {
  const auto status = validate_key(std::string("bad\0key\n", 8));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().context, "key 'bad\\x00key\\x0A'");
}

TEST(KeyValidation, PrintableKeyCutsVeryLongKeys) {
  const auto printable = printable_key(std::string(5000, 'a'));
  EXPECT_EQ(printable, std::string(200, 'a') + "...");
}

}  // namespace
}  // namespace scrapers::storage
