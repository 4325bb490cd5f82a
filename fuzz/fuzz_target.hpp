// One fuzz target = one function over untrusted bytes, written once and built two ways:
//
//  - with SCRAPERS_LIBFUZZER defined (clang, -fsanitize=fuzzer,address,undefined):
//    the function becomes LLVMFuzzerTestOneInput of its own fuzzer executable;
//  - otherwise it registers itself by name, and the fuzz_replay test (GoogleTest, the
//    normal build) runs every target over its seeds and fuzz/regressions/<name>/, so
//    every crash the fuzzers ever found stays a regression test in the main suite.
//
// A target must not crash, hang or leak on any input, and checks its invariants with
// FUZZ_CHECK (a crash under libFuzzer, a test failure in the replay).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace scrapers::fuzz {

using TargetFunction = void (*)(std::string_view input);

// Registers a target for the replay test; returns true (used to run at static-init time).
bool register_target(const char* name, TargetFunction function);

// Reports a broken invariant by throwing std::logic_error: the replay test catches it;
// under libFuzzer it is uncaught and becomes a crash with the input saved.
[[noreturn]] void invariant_failed(const char* target, const char* condition, const char* file, int line);

// The input split at its first "\n----\n": selector and page, label and bytes. The
// second part is empty when there is no separator.
struct SplitInput {
  std::string_view first;
  std::string_view second;
};
SplitInput split_input(std::string_view input) noexcept;

}  // namespace scrapers::fuzz

#define FUZZ_CHECK(condition)                                                                              \
  do {                                                                                                     \
    if (!(condition)) ::scrapers::fuzz::invariant_failed(kFuzzTargetName, #condition, __FILE__, __LINE__); \
  } while (false)

#ifdef SCRAPERS_LIBFUZZER
#define SCRAPERS_FUZZ_ENTRY(name)                                                     \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    fuzz_body_##name(std::string_view(reinterpret_cast<const char*>(data), size));    \
    return 0;                                                                         \
  }
#else
#define SCRAPERS_FUZZ_ENTRY(name)                                                                \
  [[maybe_unused]] static const bool fuzz_registered_##name = ::scrapers::fuzz::register_target( \
      #name, &fuzz_body_##name);
#endif

// Defines the target `name`; the body follows as a function of `std::string_view input`.
#define SCRAPERS_FUZZ_TARGET(name)                                       \
  [[maybe_unused]] static constexpr const char* kFuzzTargetName = #name; \
  static void fuzz_body_##name(std::string_view input);                  \
  SCRAPERS_FUZZ_ENTRY(name)                                              \
  static void fuzz_body_##name(std::string_view input)
