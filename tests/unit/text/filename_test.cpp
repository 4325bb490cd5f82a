#include "common/text/filename.hpp"

#include <gtest/gtest.h>

#include <string>

#include "common/text/utf8.hpp"

using namespace scrapers::text;

namespace {

// The invariants every sanitised name must satisfy, whatever the input.
void expect_safe(const std::string& name, std::size_t max_bytes = 150) {
  SCOPED_TRACE("result: " + name);
  ASSERT_FALSE(name.empty());
  EXPECT_NE(name, ".");
  EXPECT_NE(name, "..");
  EXPECT_LE(name.size(), max_bytes);
  EXPECT_TRUE(is_valid_utf8(name));
  EXPECT_NE(name.front(), '.');
  EXPECT_NE(name.front(), ' ');
  EXPECT_NE(name.back(), '.');
  EXPECT_NE(name.back(), ' ');
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_GE(u, 0x20U);
    EXPECT_NE(u, 0x7FU);
    EXPECT_EQ(std::string_view("/\\<>:\"|?*").find(c), std::string_view::npos);
  }
  for (const char* bidi :
       {"\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAA", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9"}) {
    EXPECT_EQ(name.find(bidi), std::string::npos);
  }
}

}  // namespace

TEST(SanitizeFilename, KeepsOrdinaryUnicodeTitles) {
  EXPECT_EQ(sanitize_filename("Chapter 2 - The Weakest Hunter’s Oath.txt"),
            "Chapter 2 - The Weakest Hunter’s Oath.txt");
  EXPECT_EQ(sanitize_filename("솔로 레벨링 외전"), "솔로 레벨링 외전");
}

TEST(SanitizeFilename, NeutralisesPathTraversal) {
  const std::string s = sanitize_filename("../../etc/passwd");
  expect_safe(s);
  EXPECT_EQ(s.find('/'), std::string::npos);
  EXPECT_NE(s.find("passwd"), std::string::npos);
}

TEST(SanitizeFilename, NeutralisesWindowsAbsolutePaths) {
  const std::string s = sanitize_filename("C:\\x");
  expect_safe(s);
  EXPECT_EQ(s, "C__x");
}

TEST(SanitizeFilename, DropsEmbeddedNulAndControlCharacters) {
  const std::string in("evil\0name\x01\x1B[31m.srt", 19);
  const std::string s = sanitize_filename(in);
  expect_safe(s);
  EXPECT_EQ(s.find('\0'), std::string::npos);
  EXPECT_EQ(s, "evilname[31m.srt");
}

TEST(SanitizeFilename, RemovesBidiOverridesThatDisguiseExtensions) {
  // "invoice\u202Etxt.exe" displays as "invoiceexe.txt".
  const std::string s = sanitize_filename("invoice\xE2\x80\xAEtxt.exe \xE2\x80\x8F\xE2\x81\xA6x\xE2\x81\xA9");
  expect_safe(s);
  EXPECT_EQ(s, "invoicetxt.exe x");
}

TEST(SanitizeFilename, PrefixesWindowsDeviceNames) {
  EXPECT_EQ(sanitize_filename("CON"), "_CON");
  EXPECT_EQ(sanitize_filename("con.txt"), "_con.txt");
  EXPECT_EQ(sanitize_filename("LPT1"), "_LPT1");
  EXPECT_EQ(sanitize_filename("Com9 .srt"), "_Com9 .srt");
  EXPECT_EQ(sanitize_filename("CONSOLE"), "CONSOLE");
  EXPECT_EQ(sanitize_filename("COM10"), "COM10");
}

TEST(SanitizeFilename, DotsSpacesAndEmptyInputFallBackToUntitled) {
  EXPECT_EQ(sanitize_filename(""), "untitled");
  EXPECT_EQ(sanitize_filename("..."), "untitled");
  EXPECT_EQ(sanitize_filename(" . . "), "untitled");
  EXPECT_EQ(sanitize_filename("\xE2\x80\x8E"), "untitled");
  EXPECT_EQ(sanitize_filename(".hidden"), "hidden");
  EXPECT_EQ(sanitize_filename("name. "), "name");
}

TEST(SanitizeFilename, TruncatesLongNamesAtACharacterBoundaryKeepingTheExtension) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "가";  // 3 bytes each: 300 bytes
  name += ".srt";
  const std::string s = sanitize_filename(name);
  expect_safe(s);
  EXPECT_LE(s.size(), 150U);
  EXPECT_GE(s.size(), 145U);
  EXPECT_TRUE(s.ends_with(".srt"));
  EXPECT_EQ((s.size() - 4) % 3, 0U);
}

TEST(SanitizeFilename, TruncationRespectsACallerLimit) {
  const std::string s = sanitize_filename(std::string(300, 'a') + ".en.srt", 40);
  EXPECT_EQ(s.size(), 40U);
  EXPECT_TRUE(s.ends_with("a.srt")) << s;
  EXPECT_EQ(sanitize_filename(std::string(300, 'b'), 1).size(), 16U);  // limit clamped to 16
}

TEST(SanitizeFilename, HostileInputsAlwaysSatisfyTheInvariants) {
  const std::string long_dots = std::string(200, '.') + "x" + std::string(200, '.');
  for (const std::string& in : {std::string("/"), std::string("\\\\server\\share"), std::string("/etc/passwd"),
                                std::string(".."), long_dots, std::string("\xFF\xFE"), std::string(300, ' '),
                                std::string("CON") + std::string(200, '.') + "tail.srt"}) {
    expect_safe(sanitize_filename(in));
    expect_safe(sanitize_key_component(in));
  }
}

TEST(SanitizeKeyComponent, RestrictsToUrlSafeAscii) {
  EXPECT_EQ(sanitize_key_component("[SubsPlease] Solo Leveling - 01 (1080p).en.srt"),
            "SubsPlease_Solo_Leveling_-_01_1080p_.en.srt");
  EXPECT_EQ(sanitize_key_component("솔로 레벨링"), "untitled");
  EXPECT_EQ(sanitize_key_component("../../etc/passwd"), "etc_passwd");
  EXPECT_EQ(sanitize_key_component("34048845808168505"), "34048845808168505");
}
