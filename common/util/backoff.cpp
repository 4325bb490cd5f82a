#include "common/util/backoff.hpp"

#include <algorithm>

namespace scrapers {

std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds max,
                                        double jitter) {
  using std::chrono::milliseconds;
  if (base.count() <= 0 || max.count() <= 0) return milliseconds{0};
  const int doublings = std::clamp(attempt - 1, 0, 62);
  auto ceiling = base.count();
  for (int i = 0; i < doublings && ceiling < max.count(); ++i) ceiling *= 2;
  ceiling = std::min(ceiling, max.count());
  const double unit = std::clamp(jitter, 0.0, 1.0);
  const auto half = static_cast<double>(ceiling) / 2.0;
  return milliseconds{std::min<long long>(ceiling, static_cast<long long>(half + unit * half))};
}

}  // namespace scrapers
