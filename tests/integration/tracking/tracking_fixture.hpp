// A fresh, migrated database per test, with both a tracking::Database (the code under
// test) and plain SQL access (TestDatabase::query) for seeding and checking rows.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/support/test_database.hpp"
#include "tracking/database.hpp"
#include "tracking/migrations.hpp"

namespace scrapers::testing {

class TrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_DATABASE();
    sql_ = std::make_unique<TestDatabase>("tracking");
    db_ = open();
    ASSERT_TRUE(db_);
    if (migrated_) {
      auto report = tracking::migrate(*db_);
      ASSERT_TRUE(report.ok()) << report.error().describe();
    }
  }

  std::unique_ptr<tracking::Database> open() const {
    auto db = tracking::Database::open(sql_->conninfo());
    EXPECT_TRUE(db.ok()) << db.error().describe();
    if (!db) return nullptr;
    return std::make_unique<tracking::Database>(std::move(db).value());
  }

  // A column of one job as text (nullopt for NULL).
  SqlValue column(const std::string& job_id, const std::string& expression) const {
    return sql_->scalar("SELECT (" + expression + ")::text FROM pipeline_jobs WHERE id = $1", {job_id});
  }
  bool is_true(const std::string& job_id, const std::string& condition) const {
    return column(job_id, condition) == "true";
  }

  bool migrated_ = true;  // set false in a derived constructor for an empty database
  std::unique_ptr<TestDatabase> sql_;
  std::unique_ptr<tracking::Database> db_;
};

}  // namespace scrapers::testing
