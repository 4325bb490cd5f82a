#include "common/text/charset.hpp"
#include "common/text/utf8.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;
using scrapers::ErrorKind;

TEST(Charset, ResolvesLabelsTheWayBrowsersDo) {
  EXPECT_EQ(canonical_charset(" UTF8 "), "UTF-8");
  EXPECT_EQ(canonical_charset("ISO-8859-1"), "WINDOWS-1252");
  EXPECT_EQ(canonical_charset("us-ascii"), "WINDOWS-1252");
  EXPECT_EQ(canonical_charset("Shift_JIS"), "CP932");
  EXPECT_EQ(canonical_charset("gb2312"), "GB18030");
  EXPECT_EQ(canonical_charset("\"euc-kr\""), "CP949");
  EXPECT_EQ(canonical_charset("koi8-r"), "KOI8-R");
  EXPECT_TRUE(is_utf8_charset("utf-8"));
  EXPECT_FALSE(is_utf8_charset("latin1"));
}

TEST(Charset, ConvertsLatin1LabelledTextAsWindows1252) {
  // 0x93/0x94 are curly quotes in windows-1252 (C1 controls in strict ISO-8859-1).
  EXPECT_EQ(convert_to_utf8("\x93Hi\x94 caf\xE9", "iso-8859-1").value(), "“Hi” café");
}

TEST(Charset, ConvertsKoreanAndChineseEncodings) {
  EXPECT_EQ(convert_to_utf8("\xC7\xD1\xB1\xB9", "euc-kr").value(), "한국");
  EXPECT_EQ(convert_to_utf8("\xD6\xD0\xCE\xC4", "gbk").value(), "中文");
}

TEST(Charset, UnknownCharsetIsABadEncodingError) {
  const auto r = convert_to_utf8("abc", "x-no-such-charset");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::bad_encoding);
  EXPECT_NE(r.error().message.find("x-no-such-charset"), std::string::npos);
  EXPECT_FALSE(Utf8Converter::open("../../etc/passwd//IGNORE").ok());
}

TEST(Charset, Utf8InputIsValidatedWithoutConversion) {
  EXPECT_EQ(convert_to_utf8("caf\xC3\xA9", "utf-8").value(), "caf\xC3\xA9");
  const auto bad = convert_to_utf8("caf\xE9", "utf-8");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("0xE9 at offset 3"), std::string::npos) << bad.error().message;
  EXPECT_EQ(convert_to_utf8("caf\xE9", "utf-8", InvalidBytes::replace).value(), "caf\xEF\xBF\xBD");
}

TEST(Charset, ConverterIsReusableAndMovable) {
  auto opened = Utf8Converter::open("windows-1252");
  ASSERT_TRUE(opened.ok());
  Utf8Converter converter = std::move(opened).value();
  EXPECT_EQ(converter.convert("\x80", InvalidBytes::reject).value(), "€");
  Utf8Converter moved = std::move(converter);
  EXPECT_EQ(moved.convert("\x85", InvalidBytes::reject).value(), "…");
  EXPECT_EQ(moved.charset(), "WINDOWS-1252");
  EXPECT_EQ(moved.convert("", InvalidBytes::reject).value(), "");
}

TEST(Charset, LargeInputGrowsTheOutputBuffer) {
  const std::string in(100000, '\x93');  // 1 byte in, 3 bytes out each
  const auto out = convert_to_utf8(in, "windows-1252");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.value().size(), 300000U);
}

// Found by the charset fuzzer: glibc resolves "ut?f-8" to its own UTF-8 decoder, which
// copies an obsolete 5-byte sequence (F8-FB lead byte) through as if it were valid.
TEST(Charset, AConversionNeverReturnsIllFormedUtf8) {
  const std::string bytes = "ok \xFB\x84\x88\x84\x84 tail";
  auto lossy = convert_to_utf8(bytes, "ut?f-8", InvalidBytes::replace);
  ASSERT_TRUE(lossy.ok()) << lossy.error().message;
  EXPECT_TRUE(is_valid_utf8(*lossy));
  EXPECT_EQ(lossy->rfind("ok ", 0), 0U);
  EXPECT_NE(lossy->find("\xEF\xBF\xBD"), std::string::npos);
  auto strict = convert_to_utf8(bytes, "ut?f-8", InvalidBytes::reject);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().kind, ErrorKind::bad_encoding);
}
