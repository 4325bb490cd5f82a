// SHA-256 as lower-case hex (the form stored in assets.sha256 and sent as
// x-amz-content-sha256). Incremental hashing for data that arrives in pieces.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace scrapers {

std::string sha256_hex(std::string_view data);

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  std::string hex_digest();  // finishes the hash; call once

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace scrapers
