// NUL and the other control characters PostgreSQL or libpq refuse never reach them.
#include "common/text/control_chars.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace scrapers::text {
namespace {

using namespace std::string_literals;

TEST(ControlChars, NulAndOtherC0ControlsAreDroppedTabAndNewlineKept) {
  EXPECT_EQ(without_control_chars("Chap\0ter\x01 1\t\x1f(\r)\n\x7f"s), "Chapter 1\t()\n\x7f");
  EXPECT_EQ(without_control_chars("caf\xC3\xA9 \xFF"), "caf\xC3\xA9 \xFF") << "other bytes stay as they are";
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

}  // namespace
}  // namespace scrapers::text
