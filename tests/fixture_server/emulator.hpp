// Site emulators: site-specific behaviour of the fixture server beyond recordings.
//
// An emulator sees each request after the fault rules and before the recordings.
// It either answers (returns true) or leaves the request to the recordings
// (returns false), e.g. an API emulator that answers 301 to an unsorted query and
// 403 without an Api-Key, and otherwise lets the recordings answer.
//
// To add one, put a source file in tests/fixture_server/emulators/ (compiled into
// the fixture server automatically) that defines a SiteEmulator and registers it:
//   SCRAPERS_REGISTER_EMULATOR("opensubtitles", OpenSubtitlesEmulator);
// `fixture-server --emulate opensubtitles` (or FixtureServerOptions::emulators, or
// FixtureServer::add_emulator for an ad-hoc one in a test) enables it.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/http/recording.hpp"

namespace scrapers::testing {

// What an emulator may use besides the request.
struct EmulatorContext {
  const http::RecordingIndex* recordings = nullptr;  // null when the server has no root
  // Answers `res` from the recording for (method, target, body); false when none matches.
  std::function<bool(std::string_view method, std::string_view target, std::string_view body,
                     httplib::Response& res)>
      serve_recording;
};

class SiteEmulator {
 public:
  virtual ~SiteEmulator() = default;
  virtual bool handle(const httplib::Request& req, httplib::Response& res, EmulatorContext& ctx) = 0;
};

using EmulatorFactory = std::function<std::unique_ptr<SiteEmulator>()>;

// Registers a named emulator; returns true so it can initialise a static.
bool register_emulator(std::string name, EmulatorFactory factory);
// Null when no emulator has that name.
std::unique_ptr<SiteEmulator> make_emulator(std::string_view name);
std::vector<std::string> emulator_names();

}  // namespace scrapers::testing

#define SCRAPERS_REGISTER_EMULATOR(name, Type)                             \
  [[maybe_unused]] static const bool scrapers_emulator_registered_##Type = \
      ::scrapers::testing::register_emulator(                              \
          name, [] { return std::unique_ptr<::scrapers::testing::SiteEmulator>(new Type()); })
