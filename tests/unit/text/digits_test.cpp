#include "common/text/digits.hpp"

#include <gtest/gtest.h>

using namespace scrapers::text;

TEST(Digits, RecognisesDigitStringsOnly) {
  EXPECT_TRUE(is_digit_string("34048845808168505"));
  EXPECT_FALSE(is_digit_string(""));
  EXPECT_FALSE(is_digit_string("12a"));
  EXPECT_FALSE(is_digit_string("-1"));
  EXPECT_FALSE(is_digit_string("1.0"));
  EXPECT_FALSE(is_digit_string(std::string(21, '1')));
  EXPECT_TRUE(is_digit_string(std::string(21, '1'), 30));
}

TEST(Digits, SeventeenDigitIdsParseExactlyAboveTwoToThe53) {
  const auto id = parse_uint64("86954917348045530");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, 86954917348045530ULL);
  EXPECT_EQ(*parse_uint64("91900000000000001") - *parse_uint64("91900000000000000"), 1ULL);
}

TEST(Digits, ParseRejectsOverflowAndNonDigits) {
  EXPECT_EQ(parse_uint64("18446744073709551615"), 18446744073709551615ULL);
  EXPECT_FALSE(parse_uint64("18446744073709551616").has_value());
  EXPECT_FALSE(parse_uint64(" 1").has_value());
  EXPECT_FALSE(parse_uint64("+1").has_value());
}

TEST(Digits, ComparesNumericallyWithoutConversion) {
  EXPECT_EQ(compare_digit_strings("91900000000000001", "91900000000000002"), std::strong_ordering::less);
  EXPECT_EQ(compare_digit_strings("99", "100"), std::strong_ordering::less);
  EXPECT_EQ(compare_digit_strings("007", "7"), std::strong_ordering::equal);
  EXPECT_EQ(compare_digit_strings("123456789012345678901234567890", "99"), std::strong_ordering::greater);
  EXPECT_EQ(strip_leading_zeros("000"), "0");
}
