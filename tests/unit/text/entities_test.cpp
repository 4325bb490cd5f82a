#include "common/text/entities.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;

TEST(Entities, DecodesTheCommonNamedReferences) {
  EXPECT_EQ(decode_entities("&amp;&lt;&gt;&quot;&apos;"), "&<>\"'");
  EXPECT_EQ(decode_entities("a&nbsp;b"),
            "a\xC2\xA0"
            "b");
  EXPECT_EQ(decode_entities("&hellip;&mdash;&ndash;"), "\xE2\x80\xA6\xE2\x80\x94\xE2\x80\x93");
  EXPECT_EQ(decode_entities("&lsquo;&rsquo;&ldquo;&rdquo;"), "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D");
}

TEST(Entities, DecodesDecimalAndHexReferences) {
  EXPECT_EQ(decode_entities("Villain&#8217;s &#x2019; &#X41;"), "Villain\xE2\x80\x99s \xE2\x80\x99 A");
  EXPECT_EQ(decode_entities("&#128512;"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_entities("&#39"), "'");  // missing ';' accepted for numeric references
}

TEST(Entities, MapsWindows1252RangeAndInvalidCodePointsLikeHtml5) {
  EXPECT_EQ(decode_entities("&#146;"), "\xE2\x80\x99");
  EXPECT_EQ(decode_entities("&#0;"), "\xEF\xBF\xBD");
  EXPECT_EQ(decode_entities("&#xD800;"), "\xEF\xBF\xBD");
  EXPECT_EQ(decode_entities("&#99999999999;"), "\xEF\xBF\xBD");
}

TEST(Entities, LeavesUnknownAndMalformedReferencesIntact) {
  EXPECT_EQ(decode_entities("&bogus; &amp &; & alone &#; &#x;"), "&bogus; &amp &; & alone &#; &#x;");
  EXPECT_EQ(decode_entities("AT&T"), "AT&T");
  EXPECT_EQ(decode_entities("&AMP;"), "&AMP;");  // names are case-sensitive in this table
}

TEST(Entities, DecodesEscapedMarkupOnlyOnce) {
  EXPECT_EQ(decode_entities("&lt;sup&gt;1&lt;/sup&gt; &amp;lt;"), "<sup>1</sup> &lt;");
}

TEST(Entities, EscapesTextAndAttributes) {
  EXPECT_EQ(escape_text("a < b && c > \"d\""), "a &lt; b &amp;&amp; c &gt; \"d\"");
  EXPECT_EQ(escape_attribute("x\"y'z<&>"), "x&quot;y&#39;z&lt;&amp;&gt;");
}

TEST(Entities, EscapeThenDecodeRoundTrips) {
  const std::string original = "<p class=\"x\">Tom & Jerry's “show”</p>";
  EXPECT_EQ(decode_entities(escape_attribute(original)), original);
  EXPECT_EQ(decode_entities(escape_text(original)), original);
}
