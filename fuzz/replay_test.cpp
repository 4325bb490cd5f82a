// Runs every fuzz target (built without libFuzzer) over its seeds (fuzz/seeds.txt) and
// over the inputs that once crashed it (fuzz/regressions/<target>/), so the main suite
// keeps every fuzzer finding fixed. A target that throws (a broken FUZZ_CHECK) or
// crashes fails here with the input's path.
#include <glob.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz/fuzz_registry.hpp"

namespace {

namespace fs = std::filesystem;
using scrapers::fuzz::registered_targets;

const fs::path kRoot = SCRAPERS_SOURCE_DIR;

struct SeedLine {
  std::string target;
  std::vector<std::string> globs;
};

std::vector<SeedLine> read_seed_lines() {
  std::ifstream in(kRoot / "fuzz" / "seeds.txt");
  std::vector<SeedLine> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    SeedLine seed{line.substr(0, colon), {}};
    std::istringstream words(line.substr(colon + 1));
    for (std::string word; words >> word;) seed.globs.push_back(word);
    lines.push_back(std::move(seed));
  }
  return lines;
}

std::vector<fs::path> expand(const std::string& pattern) {
  std::vector<fs::path> paths;
  glob_t matches{};
  if (::glob((kRoot / pattern).c_str(), 0, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) paths.emplace_back(matches.gl_pathv[i]);
  }
  ::globfree(&matches);
  return paths;
}

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> inputs_of(const SeedLine& seed) {
  std::vector<fs::path> inputs;
  for (const auto& pattern : seed.globs)
    for (auto& path : expand(pattern)) inputs.push_back(std::move(path));
  for (auto& path : expand("fuzz/regressions/" + seed.target + "/*")) inputs.push_back(std::move(path));
  return inputs;
}

TEST(FuzzReplay, EveryTargetHasSeedsAndEverySeedLineATarget) {
  std::set<std::string> listed;
  for (const auto& seed : read_seed_lines()) {
    listed.insert(seed.target);
    EXPECT_TRUE(registered_targets().count(seed.target)) << seed.target << " is in seeds.txt but not built";
    EXPECT_FALSE(inputs_of(seed).empty()) << seed.target << " has no seed input";
  }
  for (const auto& [name, function] : registered_targets())
    EXPECT_TRUE(listed.count(name)) << name << " has no line in fuzz/seeds.txt";
}

TEST(FuzzReplay, EveryTargetSurvivesItsSeedsAndRegressions) {
  std::size_t runs = 0;
  for (const auto& seed : read_seed_lines()) {
    const auto target = registered_targets().find(seed.target);
    if (target == registered_targets().end()) continue;
    for (const auto& path : inputs_of(seed)) {
      const std::string input = read_whole(path);
      try {
        target->second(input);
      } catch (const std::exception& e) {
        ADD_FAILURE() << seed.target << " on " << path << ": " << e.what();
      }
      ++runs;
    }
  }
  EXPECT_GT(runs, 50U);
}

}  // namespace
