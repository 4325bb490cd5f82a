#include "common/util/uuid.hpp"

#include <gtest/gtest.h>

namespace scrapers {
namespace {

TEST(Uuid, AcceptsCanonicalFormInAnyCase) {
  EXPECT_TRUE(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_TRUE(is_uuid("123E4567-E89B-12D3-A456-426614174000"));
}

TEST(Uuid, RejectsWrongLengthDashesAndCharacters) {
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("123e4567e89b12d3a456426614174000"));
  EXPECT_FALSE(is_uuid("123e4567-e89b-12d3-a456-42661417400"));
  EXPECT_FALSE(is_uuid("123e4567-e89b-12d3-a456_426614174000"));
  EXPECT_FALSE(is_uuid("g23e4567-e89b-12d3-a456-426614174000"));
  EXPECT_FALSE(is_uuid("'); DROP TABLE works;-- aaaaaaaaaaaaaaaa"));
}

}  // namespace
}  // namespace scrapers
