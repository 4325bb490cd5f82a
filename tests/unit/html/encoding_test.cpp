#include "common/html/encoding.hpp"

#include <gtest/gtest.h>

#include "common/html/document.hpp"
#include "common/text/utf8.hpp"
#include "html_fixture.hpp"

using namespace scrapers::html;
using namespace scrapers::html::testing;
using scrapers::ErrorKind;
using scrapers::text::InvalidBytes;

TEST(Encoding, ReadsTheCharsetParameterOfAContentTypeHeader) {
  EXPECT_EQ(charset_from_content_type("text/html; charset=Shift_JIS"), "shift_jis");
  EXPECT_EQ(charset_from_content_type("text/html;charset=\"windows-1252\""), "windows-1252");
  EXPECT_EQ(charset_from_content_type("text/html; boundary=x; CHARSET = utf-8"), "utf-8");
  EXPECT_FALSE(charset_from_content_type("text/html").has_value());
  EXPECT_FALSE(charset_from_content_type("").has_value());
}

TEST(Encoding, SniffsBothMetaForms) {
  EXPECT_EQ(sniff_meta_charset("<head><META CHARSET='GBK'></head>"), "gbk");
  EXPECT_EQ(sniff_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"),
            "iso-8859-1");
  EXPECT_FALSE(sniff_meta_charset("<meta name=\"viewport\" content=\"width=device-width\">").has_value());
}

TEST(Encoding, ConvertsAWindows1252PageWithSmartQuotes) {
  const HtmlDocument doc = parse_fixture("windows1252.html");
  EXPECT_EQ(doc.charset(), "WINDOWS-1252");
  EXPECT_EQ(doc.charset_source(), CharsetSource::meta);
  EXPECT_EQ(doc.select_first("#q")->text(), "“It’s a trap,” she said — naïvely… €5");
  EXPECT_EQ(doc.title(), "Café “Smart” Quotes");
  EXPECT_TRUE(scrapers::text::is_valid_utf8(doc.utf8()));
}

TEST(Encoding, ConvertsAShiftJisPageDeclaredByMeta) {
  const HtmlDocument doc = parse_fixture("shift_jis.html");
  EXPECT_EQ(doc.charset(), "CP932");
  EXPECT_EQ(doc.title(), "転生したらスライムだった件");
  EXPECT_EQ(doc.select_first("h1.title")->text(), "第10.5話　閑話");
  EXPECT_EQ(doc.select_first("#body")->text(), "「こんにちは」と彼は言った。～①");
}

TEST(Encoding, HeaderCharsetOverridesMeta) {
  // The bytes are windows-1252 and the meta says so; a header saying UTF-8 wins and the
  // bytes are then invalid UTF-8.
  const auto r = HtmlDocument::parse(read_fixture("windows1252.html"), "text/html; charset=utf-8");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::bad_encoding);
  const auto latin = HtmlDocument::parse("<p>caf\xE9</p>", "text/html; charset=ISO-8859-1");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(latin->select_first("p")->text(), "café");
  EXPECT_EQ(latin->charset_source(), CharsetSource::header);
}

TEST(Encoding, StripsAUtf8ByteOrderMark) {
  const HtmlDocument doc = parse_fixture("utf8_bom.html");
  EXPECT_EQ(doc.charset_source(), CharsetSource::bom);
  EXPECT_FALSE(doc.utf8().starts_with("\xEF\xBB\xBF"));
  EXPECT_EQ(doc.title(), "BOM page");
  EXPECT_EQ(doc.select_first("p")->text(), "café — ok");
}

// Found by the html_document fuzzer: the bytes after a UTF-8 BOM went to gumbo unchecked.
TEST(Encoding, IllFormedUtf8AfterAUtf8ByteOrderMarkIsRefusedOrRepaired) {
  const std::string page = "\xEF\xBB\xBF<title>bad \xBE byte</title><p>x</p>";
  const auto refused = HtmlDocument::parse(page);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::bad_encoding);
  ParseOptions lossy;
  lossy.invalid_bytes = InvalidBytes::replace;
  const auto repaired = HtmlDocument::parse(page, {}, lossy);
  ASSERT_TRUE(repaired.ok()) << repaired.error().describe();
  EXPECT_TRUE(scrapers::text::is_valid_utf8(repaired->utf8()));
  EXPECT_EQ(repaired->title(), "bad \xEF\xBF\xBD byte");
}

TEST(Encoding, ConvertsUtf16WithAByteOrderMark) {
  const std::string utf16le("\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0", 18);
  const auto doc = HtmlDocument::parse(utf16le);
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  EXPECT_EQ(doc->select_first("p")->text(), "é");
}

TEST(Encoding, RejectsUndeclaredInvalidUtf8NamingTheOffset) {
  const auto r = HtmlDocument::parse("<p>caf\xE9 au lait</p>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::bad_encoding);
  EXPECT_NE(r.error().message.find("0xE9 at offset 6"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("declares no charset"), std::string::npos) << r.error().message;
}

TEST(Encoding, ReplacesInvalidBytesWhenAsked) {
  ParseOptions lossy;
  lossy.invalid_bytes = InvalidBytes::replace;
  const auto r = HtmlDocument::parse("<p>caf\xE9 au lait</p>", {}, lossy);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->select_first("p")->text(), "caf\xEF\xBF\xBD au lait");
}

TEST(Encoding, UnknownDeclaredCharsetIsAcceptedOnlyForValidUtf8) {
  EXPECT_TRUE(HtmlDocument::parse("<p>ok ✓</p>", "text/html; charset=x-made-up").ok());
  const auto r = HtmlDocument::parse("<p>\xE9</p>", "text/html; charset=x-made-up");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::bad_encoding);
  EXPECT_NE(r.error().message.find("x-made-up"), std::string::npos);
}

TEST(Encoding, MetaDeclaringUtf16IsReadAsUtf8) {
  const auto r = HtmlDocument::parse("<meta charset=utf-16><p>naïve</p>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->select_first("p")->text(), "naïve");
}

TEST(Encoding, Windows1252UndefinedBytesBecomeC1ControlsNotErrors) {
  const auto r = scrapers::text::convert_to_utf8(
      "a\x81"
      "b\x93",
      "windows-1252");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r.value(),
            "a\xC2\x81"
            "b\xE2\x80\x9C");
}

TEST(Encoding, InvalidShiftJisIsRejectedWithItsOffsetOrReplaced) {
  const std::string bad = "ok\x81";  // truncated double-byte sequence
  const auto r = scrapers::text::convert_to_utf8(bad, "shift_jis");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("offset 2"), std::string::npos) << r.error().message;
  const auto lossy = scrapers::text::convert_to_utf8(bad, "shift_jis", InvalidBytes::replace);
  ASSERT_TRUE(lossy.ok());
  EXPECT_EQ(lossy.value(), "ok\xEF\xBF\xBD");
}
