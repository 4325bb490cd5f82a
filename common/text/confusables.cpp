#include "common/text/confusables.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "common/text/ascii.hpp"
#include "common/text/utf8.hpp"

namespace scrapers::text {
namespace {

constexpr char kSeparator = ' ';
constexpr char kJoin = '\0';  // dropped without separating words

// U+00C0..U+017F: the base letter, '.' for non-letters (× ÷).
constexpr std::string_view kLatin =
    "aaaaaaaceeeeiiiidnooooo.ouuuuypbaaaaaaaceeeeiiiidnooooo.ouuuuypy"   // U+00C0
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"   // U+0100
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0140

// Single look-alikes, sorted by code point.
constexpr std::pair<char32_t, char> kLookAlikes[] = {
    {0x00A2, 'c'}, {0x00B5, 'u'}, {0x0185, 'b'}, {0x0196, 'l'}, {0x019A, 'l'}, {0x01C0, 'l'}, {0x0237, 'j'},
    {0x0251, 'a'}, {0x0261, 'g'}, {0x0262, 'g'}, {0x0269, 'i'}, {0x026A, 'i'}, {0x0274, 'n'}, {0x0275, 'o'},
    {0x027E, 'r'}, {0x0280, 'r'}, {0x028F, 'y'}, {0x0298, 'o'}, {0x0299, 'b'}, {0x029C, 'h'}, {0x029F, 'l'},
    {0x02B0, 'h'}, {0x02B2, 'j'}, {0x02B3, 'r'}, {0x02B7, 'w'}, {0x02B8, 'y'}, {0x02E1, 'l'}, {0x02E2, 's'},
    {0x02E3, 'x'}, {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'}, {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'},
    {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'}, {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'}, {0x03A5, 'y'},
    {0x03A7, 'x'}, {0x03AC, 'a'}, {0x03AD, 'e'}, {0x03AF, 'i'}, {0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B3, 'y'},
    {0x03B5, 'e'}, {0x03B7, 'n'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'},
    {0x03C2, 'c'}, {0x03C3, 'o'}, {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x03C9, 'w'}, {0x03CC, 'o'},
    {0x03CD, 'u'}, {0x03CE, 'w'}, {0x03D2, 'y'}, {0x03F2, 'c'}, {0x03F3, 'j'}, {0x03F9, 'c'}, {0x0405, 's'},
    {0x0406, 'i'}, {0x0408, 'j'}, {0x0410, 'a'}, {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'},
    {0x041D, 'h'}, {0x041E, 'o'}, {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'},
    {0x0430, 'a'}, {0x0432, 'b'}, {0x0433, 'r'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'},
    {0x043E, 'o'}, {0x043F, 'n'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x044C, 'b'}, {0x0451, 'e'}, {0x0454, 'e'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0457, 'i'}, {0x0458, 'j'},
    {0x0472, 'o'}, {0x0473, 'o'}, {0x0474, 'v'}, {0x0475, 'v'}, {0x04AE, 'y'}, {0x04AF, 'y'}, {0x04BA, 'h'},
    {0x04BB, 'h'}, {0x04C0, 'l'}, {0x04CF, 'l'}, {0x0500, 'd'}, {0x0501, 'd'}, {0x051A, 'q'}, {0x051B, 'q'},
    {0x051C, 'w'}, {0x051D, 'w'}, {0x054D, 'u'}, {0x0555, 'o'}, {0x0566, 'q'}, {0x0570, 'h'}, {0x0578, 'n'},
    {0x057D, 'u'}, {0x0581, 'g'}, {0x0585, 'o'}, {0x13A0, 'd'}, {0x13A1, 'r'}, {0x13A2, 't'}, {0x13A5, 'i'},
    {0x13A9, 'y'}, {0x13AA, 'a'}, {0x13AB, 'j'}, {0x13AC, 'e'}, {0x13B3, 'w'}, {0x13B7, 'm'}, {0x13BB, 'h'},
    {0x13C0, 'g'}, {0x13C2, 'h'}, {0x13C3, 'z'}, {0x13CF, 'b'}, {0x13D2, 'r'}, {0x13D4, 'w'}, {0x13D5, 's'},
    {0x13D9, 'v'}, {0x13DA, 's'}, {0x13DE, 'l'}, {0x13DF, 'c'}, {0x13E2, 'p'}, {0x13E6, 'k'}, {0x13E7, 'd'},
    {0x13F4, 'b'}, {0x1D00, 'a'}, {0x1D04, 'c'}, {0x1D05, 'd'}, {0x1D07, 'e'}, {0x1D0A, 'j'}, {0x1D0B, 'k'},
    {0x1D0D, 'm'}, {0x1D0F, 'o'}, {0x1D18, 'p'}, {0x1D1B, 't'}, {0x1D1C, 'u'}, {0x1D20, 'v'}, {0x1D21, 'w'},
    {0x1D22, 'z'}, {0x1D2C, 'a'}, {0x1D2E, 'b'}, {0x1D30, 'd'}, {0x1D31, 'e'}, {0x1D33, 'g'}, {0x1D34, 'h'},
    {0x1D35, 'i'}, {0x1D36, 'j'}, {0x1D37, 'k'}, {0x1D38, 'l'}, {0x1D39, 'm'}, {0x1D3A, 'n'}, {0x1D3C, 'o'},
    {0x1D3E, 'p'}, {0x1D3F, 'r'}, {0x1D40, 't'}, {0x1D41, 'u'}, {0x1D42, 'w'}, {0x1D43, 'a'}, {0x1D47, 'b'},
    {0x1D48, 'd'}, {0x1D49, 'e'}, {0x1D4D, 'g'}, {0x1D4F, 'k'}, {0x1D50, 'm'}, {0x1D52, 'o'}, {0x1D56, 'p'},
    {0x1D57, 't'}, {0x1D58, 'u'}, {0x1D5B, 'v'}, {0x2071, 'i'}, {0x207F, 'n'}, {0x2090, 'a'}, {0x2091, 'e'},
    {0x2092, 'o'}, {0x2093, 'x'}, {0x2102, 'c'}, {0x210A, 'g'}, {0x210B, 'h'}, {0x210C, 'h'}, {0x210D, 'h'},
    {0x210E, 'h'}, {0x2110, 'i'}, {0x2111, 'i'}, {0x2112, 'l'}, {0x2113, 'l'}, {0x2115, 'n'}, {0x2119, 'p'},
    {0x211A, 'q'}, {0x211B, 'r'}, {0x211C, 'r'}, {0x211D, 'r'}, {0x2124, 'z'}, {0x2128, 'z'}, {0x212A, 'k'},
    {0x212B, 'a'}, {0x212C, 'b'}, {0x212D, 'c'}, {0x212E, 'e'}, {0x212F, 'e'}, {0x2130, 'e'}, {0x2131, 'f'},
    {0x2133, 'm'}, {0x2134, 'o'}, {0x2139, 'i'}, {0x2145, 'd'}, {0x2146, 'd'}, {0x2147, 'e'}, {0x2148, 'i'},
    {0x2149, 'j'}, {0x2160, 'l'}, {0x2164, 'v'}, {0x2169, 'x'}, {0x216C, 'l'}, {0x216D, 'c'}, {0x216E, 'd'},
    {0x216F, 'm'}, {0x2170, 'i'}, {0x2174, 'v'}, {0x2179, 'x'}, {0x217C, 'l'}, {0x217D, 'c'}, {0x217E, 'd'},
    {0x217F, 'm'}, {0xA730, 'f'}, {0xA731, 's'}, {0xA7AF, 'q'},
};

constexpr bool sorted_by_code_point() {
  for (std::size_t i = 1; i < std::size(kLookAlikes); ++i) {
    if (kLookAlikes[i - 1].first >= kLookAlikes[i].first) return false;
  }
  return true;
}
static_assert(sorted_by_code_point(), "kLookAlikes must be sorted for binary search");

// Runs of letters a..z laid out consecutively: {first code point, count}.
constexpr std::array<std::pair<char32_t, char32_t>, 8> kLetterRuns = {{
    {0xFF21, 26},
    {0xFF41, 26},  // full-width
    {0x249C, 26},
    {0x24B6, 26},
    {0x24D0, 26},  // parenthesized, circled
    {0x1F130, 26},
    {0x1F150, 26},
    {0x1F170, 26},  // squared, negative circled/squared
}};

bool is_invisible(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0x00AD;
}

bool is_joiner(char32_t cp) {
  switch (cp) {
    case '\'':
    case '/':
    case '\\':
    case '*':
    case '_':
    case '-':
    case '`':
    case 0x2018:
    case 0x2019:
    case 0x00B7:
    case 0x2022:
    case 0x2010:
    case 0x2011:
    case 0xFF07:
    case 0xFF0D:
    case 0xFF0F:
    case 0xFF3F: return true;
    default: return false;
  }
}

char ascii_digit(unsigned digit) {
  if (digit == 0) return 'o';
  if (digit == 1) return 'l';
  return static_cast<char>('0' + digit);
}

char letter(char32_t offset) { return static_cast<char>('a' + offset); }

char fold_code_point(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return ascii_lower(c);
    if (c >= '0' && c <= '9') return ascii_digit(static_cast<unsigned>(c - '0'));
    return is_joiner(cp) ? kJoin : kSeparator;
  }
  if (is_invisible(cp) || is_joiner(cp)) return kJoin;
  if (cp >= 0xC0 && cp < 0x180) {
    const char c = kLatin[cp - 0xC0];
    return c == '.' ? kSeparator : c;
  }
  for (const auto& [first, count] : kLetterRuns) {
    if (cp >= first && cp < first + count) return letter(cp - first);
  }
  if (cp >= 0xFF10 && cp <= 0xFF19) return ascii_digit(cp - 0xFF10);
  if (cp >= 0x1D400 && cp <= 0x1D6A3) return letter((cp - 0x1D400) % 52 % 26);
  if (cp == 0x1D6A4) return 'i';
  if (cp == 0x1D6A5) return 'j';
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return ascii_digit((cp - 0x1D7CE) % 10);
  if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return letter(cp - 0x1F1E6);  // regional indicators
  const auto it = std::lower_bound(std::begin(kLookAlikes), std::end(kLookAlikes), cp,
                                   [](const auto& entry, char32_t value) { return entry.first < value; });
  if (it != std::end(kLookAlikes) && it->first == cp) return it->second;
  return kSeparator;
}

}  // namespace

std::string fold_confusables(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t pos = 0; pos < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, pos);
    pos += decoded.length;
    const char c = fold_code_point(decoded.cp);
    if (c == kJoin) continue;
    if (c == kSeparator && (out.empty() || out.back() == kSeparator)) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == kSeparator) out.pop_back();
  return out;
}

}  // namespace scrapers::text
