// Chapter numbers as exact decimals ("10.5" is its own chapter, never 10).
//
// ChapterNumber::parse accepts only "<digits>" or "<digits>.<digits>" and keeps
// the value as normalised decimal text: leading zeros of the integer part and
// trailing zeros of the fraction are removed ("007" -> "7", "10.50" -> "10.5",
// "3.0" -> "3"). No floating point is involved, so equality is exact and str() can
// be bound as-is to a PostgreSQL NUMERIC parameter. Ordering is numeric.
//
// parse_chapter_number extracts the number from a display title such as
// "Chapter 10.5 – Interlude", "Ch.12: Return" or "第3章": the number after a
// chapter/chap/ch/episode/ep keyword if there is one, else the first number.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::text {

class ChapterNumber {
 public:
  // Longest accepted input (digits + '.'), to keep hostile input bounded.
  static constexpr std::size_t kMaxLength = 40;

  static Result<ChapterNumber> parse(std::string_view text);
  static ChapterNumber from_integer(std::uint64_t value);

  // Normalised decimal text, e.g. "10.5", "7", "0.25".
  const std::string& str() const noexcept { return text_; }
  std::string_view integer_part() const noexcept;
  // Digits after the '.', empty for whole numbers.
  std::string_view fraction_part() const noexcept;
  bool is_integer() const noexcept { return fraction_part().empty(); }

  friend bool operator==(const ChapterNumber&, const ChapterNumber&) = default;
  friend std::strong_ordering operator<=>(const ChapterNumber& a, const ChapterNumber& b) noexcept;

 private:
  explicit ChapterNumber(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// The chapter number in a title; ErrorKind::parse when the title has none.
Result<ChapterNumber> parse_chapter_number(std::string_view title);

}  // namespace scrapers::text
