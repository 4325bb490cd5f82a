#include "common/util/json_number.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace scrapers {
namespace {

using nlohmann::json;

TEST(JsonInt64, IntegersThatFitAreExact) {
  EXPECT_EQ(json_int64(json(0)), 0);
  EXPECT_EQ(json_int64(json(-42)), -42);
  EXPECT_EQ(json_int64(json::parse("86954917348045530")), 86954917348045530LL);  // above 2^53
  EXPECT_EQ(json_int64(json(std::numeric_limits<std::int64_t>::max())), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(json_int64(json(std::numeric_limits<std::int64_t>::min())), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(json_int64(json(std::uint64_t{7})), 7);
}

TEST(JsonInt64, EverythingElseIsNothing) {
  EXPECT_FALSE(json_int64(json(static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1)));
  EXPECT_FALSE(json_int64(json(3.0)));
  EXPECT_FALSE(json_int64(json(3.5)));
  EXPECT_FALSE(json_int64(json("12")));
  EXPECT_FALSE(json_int64(json(true)));
  EXPECT_FALSE(json_int64(json(nullptr)));
  EXPECT_FALSE(json_int64(json::array({1})));
}

}  // namespace
}  // namespace scrapers
