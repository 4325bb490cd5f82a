#include "common/util/clock.hpp"

#include "common/util/signals.hpp"

namespace scrapers {

bool SystemClock::sleep_for(std::chrono::milliseconds duration) { return interruptible_sleep(duration); }

}  // namespace scrapers
