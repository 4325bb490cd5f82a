// layout_not_recognised(): one phrase at the start of every layout failure, never twice.
#include <gtest/gtest.h>

#include "common/util/layout_error.hpp"

namespace scrapers {
namespace {

TEST(LayoutError, StartsWithThePhraseAndKeepsKindAndContext) {
  const Error error = layout_not_recognised("no season list", "https://x/y");
  EXPECT_EQ(error.kind, ErrorKind::layout_changed);
  EXPECT_EQ(error.message, "layout not recognised: no season list");
  EXPECT_EQ(error.describe(), "layout not recognised: no season list (https://x/y)");
}

TEST(LayoutError, AnInnerLayoutMessageQuotedWholeDoesNotRepeatThePhrase) {
  const Error inner = layout_not_recognised("no element matches 'main'");
  EXPECT_EQ(layout_not_recognised(inner.message).message, "layout not recognised: no element matches 'main'");
  EXPECT_EQ(without_layout_phrase(inner.message), "no element matches 'main'");
  EXPECT_EQ(without_layout_phrase("chapter list: x"), "chapter list: x");
}

}  // namespace
}  // namespace scrapers
