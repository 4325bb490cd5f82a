#include "scrapers/admin/table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace scrapers::admin {
namespace {

std::string render(const Table& table) {
  std::ostringstream out;
  table.print(out);
  return out.str();
}

TEST(Table, ColumnsAreAsWideAsTheirWidestCellAndSeparatedByTwoSpaces) {
  Table table({"A", "BB"});
  table.add_row({"long cell", "x"});
  EXPECT_EQ(render(table), "A          BB\n---------  --\nlong cell  x\n");
}

TEST(Table, RightAlignedColumnsPadOnTheLeft) {
  Table table({"NAME", "COUNT"});
  table.right_align(1);
  table.add_row({"a", "7"});
  table.add_row({"b", "1234"});
  EXPECT_EQ(render(table), "NAME  COUNT\n----  -----\na         7\nb      1234\n");
}

TEST(Table, WidthCountsCodePointsNotBytes) {
  Table table({"T", "N"});
  table.add_row({"Señor—“ok”", "1"});
  table.add_row({"abc", "2"});
  const std::string text = render(table);
  EXPECT_NE(text.find("abc         2"), std::string::npos) << text;
  EXPECT_EQ(display_width("Señor—“ok”"), 10u);
}

TEST(Table, LongCellsAreCutAndControlCharactersFlattened) {
  Table table({"ERROR"});
  table.max_width(0, 10);
  table.add_row({"line one\nline two is long"});
  const std::string text = render(table);
  EXPECT_NE(text.find("line on..."), std::string::npos) << text;
  EXPECT_EQ(text.find("\nline two"), std::string::npos);
}

TEST(Table, MissingCellsAreBlank) {
  Table table({"A", "B"});
  table.add_row({"only"});
  EXPECT_EQ(table.rows(), 1u);
  EXPECT_EQ(render(table), "A     B\n----  -\nonly\n");
}

}  // namespace
}  // namespace scrapers::admin
