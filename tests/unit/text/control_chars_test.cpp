// NUL and the other control characters PostgreSQL or libpq refuse never reach them, and
// no terminal control (ESC, DEL, C1 such as U+009B CSI) reaches the catalog or a log line raw.
#include "common/text/control_chars.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace scrapers::text {
namespace {

using namespace std::string_literals;

TEST(ControlChars, NulAndOtherC0ControlsAreDroppedTabAndNewlineKept) {
  EXPECT_EQ(without_control_chars("Chap\0ter\x01 1\t\x1f(\r)\n"s), "Chapter 1\t()\n");
  EXPECT_EQ(without_control_chars("caf\xC3\xA9 \xFF"), "caf\xC3\xA9 \xFF") << "other bytes stay as they are";
}

TEST(ControlChars, EscDelAndC1ControlsAreDroppedOtherCharactersKept) {
  // ESC[2J clears a screen; U+009B (C2 9B) is the one-character CSI; U+0085 is NEL.
  EXPECT_EQ(without_control_chars("A\x1b[2JB\x7f C\xC2\x9B"
                                  "31mD\xC2\x85"),
            "A[2JB C31mD");
  // U+00A0 (C2 A0), U+00E9 (C3 A9) and em dash (E2 80 94, whose bytes include 0x80 and
  // 0x94) are not controls.
  EXPECT_EQ(without_control_chars("\xC2\xA0\xC3\xA9\xE2\x80\x94"), "\xC2\xA0\xC3\xA9\xE2\x80\x94");
  EXPECT_EQ(without_control_chars("end\xC2"), "end\xC2") << "a truncated sequence is left as it is";
}

TEST(ControlChars, EscapedForATerminalEachControlShowsItsBytes) {
  EXPECT_EQ(with_control_chars_escaped("title \x1b[2J\xC2\x9B"
                                       "31m\x7f\r\nnext\tcol \xE2\x80\x94"),
            "title \\x1b[2J\\xc2\\x9b31m\\x7f\\x0d\\nnext\tcol \xE2\x80\x94");
  EXPECT_EQ(with_control_chars_escaped("plain"), "plain");
}

TEST(ControlChars, JsonEscapesOfControlsAreRemovedFromStringsAndKeys) {
  nlohmann::json value = {{"slug\0x"s, "a\0b\x01\r\n\tc"s}, {"detail", "\\u0000 is literal"}};
  const std::string cleaned = json_without_control_escapes(value.dump());
  const auto parsed = nlohmann::json::parse(cleaned);
  EXPECT_EQ(parsed.at("slugx"), "ab\n\tc");
  EXPECT_EQ(parsed.at("detail"), "\\u0000 is literal") << "an escaped backslash is not an escape";
  EXPECT_EQ(cleaned.find("\\u0000\""), std::string::npos);
  EXPECT_EQ(json_without_control_escapes(R"("\u00e9\u2028\\")"), R"("\u00e9\u2028\\")") << "others are kept";
}

TEST(ControlChars, JsonEscapesAndRawBytesOfDelAndC1AreRemovedToo) {
  EXPECT_EQ(json_without_control_escapes(R"("a\u007fb\u009Bc\u0085d\u00a0")"), R"("abcd\u00a0")");
  nlohmann::json value = {{"title", "x\x1b[2J\xC2\x9By\x7f"}};
  EXPECT_EQ(nlohmann::json::parse(json_without_control_escapes(value.dump())).at("title"), "x[2Jy");
}

}  // namespace
}  // namespace scrapers::text
