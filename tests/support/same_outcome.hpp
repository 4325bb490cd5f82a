// Comparing two ways of computing one Result (a fast path against the reference path):
// expect_same_failure checks that both failed alike (kind, message, context) or both
// succeeded, and returns true only when both succeeded, so the caller goes on to compare
// the values it knows.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "common/util/error.hpp"

namespace scrapers::testing {

template <class T>
bool expect_same_failure(const Result<T>& fast, const Result<T>& reference, const std::string& name) {
  EXPECT_EQ(fast.ok(), reference.ok()) << name << ": "
                                       << (fast.ok() ? reference.error() : fast.error()).describe();
  if (fast.ok() != reference.ok()) return false;
  if (!reference.ok()) {
    EXPECT_EQ(fast.error().kind, reference.error().kind) << name;
    EXPECT_EQ(fast.error().message, reference.error().message) << name;
    EXPECT_EQ(fast.error().context, reference.error().context) << name;
    return false;
  }
  return true;
}

}  // namespace scrapers::testing
