#include "tracking/job_output.hpp"

#include <array>
#include <string>
#include <utility>

namespace scrapers::tracking {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<const char*, const char*>, 4> kSynonyms{{
    {"total", "totalSegments"},
    {"total", "totalChapters"},
    {"total", "totalEpisodes"},
    {"failed", "errors"},
}};

constexpr std::array<const char*, 3> kRequired{"total", "success", "failed"};

bool is_count(const Json& value) {
  return value.is_number_unsigned() || (value.is_number_integer() && value.get<long long>() >= 0);
}

}  // namespace

Json fill_minimum_counts(Json output) {
  if (!output.is_object()) return output;
  for (const auto& [field, synonym] : kSynonyms) {
    if (output.contains(field)) continue;
    if (auto it = output.find(synonym); it != output.end() && is_count(*it)) output[field] = *it;
  }
  return output;
}

Result<Json> with_minimum_counts(Json output) {
  if (!output.is_object()) {
    return make_error(ErrorKind::invalid_argument,
                      std::string("job output must be a JSON object, not ") + output.type_name());
  }
  output = fill_minimum_counts(std::move(output));
  std::string missing;
  for (const char* field : kRequired) {
    auto it = output.find(field);
    if (it == output.end()) {
      missing += missing.empty() ? field : std::string(", ") + field;
    } else if (!is_count(*it)) {
      return make_error(ErrorKind::invalid_argument, std::string("job output field '") + field +
                                                         "' must be a non-negative integer, not " + it->dump());
    }
  }
  if (!missing.empty()) {
    return make_error(ErrorKind::invalid_argument, "job output lacks the minimum field(s) " + missing +
                                                       " (every output carries total, success and failed)");
  }
  return output;
}

}  // namespace scrapers::tracking
