// The file-name and storage-key sanitisers: whatever a remote title or file name holds,
// the result is a single safe component that validate_key accepts inside a key.
#include <string>

#include "common/storage/blob_store.hpp"
#include "common/text/filename.hpp"
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(key_sanitiser) {
  for (const auto& name : {text::sanitize_filename(input), text::sanitize_key_component(input)}) {
    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(name.size() <= 150);
    FUZZ_CHECK(text::is_valid_utf8(name));
    FUZZ_CHECK(name != "." && name != "..");
    FUZZ_CHECK(name.find('/') == std::string::npos && name.find('\\') == std::string::npos);
    FUZZ_CHECK(storage::validate_key("works/1/" + name).ok());
  }
  (void)storage::validate_key(input);
  FUZZ_CHECK(text::is_valid_utf8(storage::printable_key(input)));
}
