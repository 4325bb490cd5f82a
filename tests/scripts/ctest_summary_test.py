#!/usr/bin/env python3
"""scripts/ctest_summary.py over a small CMake project whose tests pass, fail, time out,
skip (GoogleTest's way and by exit code) and cannot run.

    ctest_summary_test.py SUMMARY_SCRIPT CMAKE CTEST
"""
import os
import subprocess
import sys
import tempfile
import unittest

SUMMARY, CMAKE, CTEST = sys.argv[1:4]

PROJECT = r'''
cmake_minimum_required(VERSION 3.25)
project(summary_fixture NONE)
enable_testing()
add_test(NAME Passes COMMAND sh -c "echo all good")
add_test(NAME Fails COMMAND sh -c "echo 'expected 1, got <2>'; exit 3")
add_test(NAME TimesOut COMMAND sh -c "sleep 5")
set_tests_properties(TimesOut PROPERTIES TIMEOUT 1)
add_test(NAME SkipsLikeGoogleTest COMMAND sh -c
  "printf '[ RUN      ] Db.Query\nx.cpp:10: Skipped\nno database configured\n[  SKIPPED ] Db.Query (0 ms)\n'")
set_tests_properties(SkipsLikeGoogleTest PROPERTIES SKIP_REGULAR_EXPRESSION "\\[  SKIPPED \\]")
add_test(NAME SkipsByExitCode COMMAND sh -c "echo 'needs a server'; exit 77")
set_tests_properties(SkipsByExitCode PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME CannotRun COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/no-such-program)
'''


class CtestSummary(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        source = os.path.join(cls.tmp.name, "src")
        cls.build = os.path.join(cls.tmp.name, "build")
        os.makedirs(source)
        with open(os.path.join(source, "CMakeLists.txt"), "w") as f:
            f.write(PROJECT)
        subprocess.run([CMAKE, "-S", source, "-B", cls.build], check=True, capture_output=True)
        cls.log = os.path.join(cls.build, "Testing", "ctest-full.log")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def summarize(self, *args):
        env = dict(os.environ, CTEST=CTEST)
        return subprocess.run([sys.executable, SUMMARY, self.build, self.log, *args], env=env,
                              capture_output=True, text=True)

    def test_counts_close_the_summary_and_failures_make_it_fail(self):
        run = self.summarize("-j2")
        self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
        self.assertEqual(run.stdout.splitlines()[-1], "tests: 1 passed, 3 failed, 2 skipped")

    def test_each_failure_is_shown_with_its_kind_and_output(self):
        out = self.summarize().stdout
        self.assertIn("FAILED (Failed): Fails", out)
        self.assertIn("expected 1, got <2>", out)
        self.assertIn("FAILED (Timeout): TimesOut", out)
        self.assertIn("FAILED (Not Run): CannotRun", out)

    def test_each_skip_is_shown_with_its_reason(self):
        out = self.summarize().stdout
        self.assertIn("SkipsLikeGoogleTest: no database configured", out)
        self.assertIn("SkipsByExitCode: needs a server", out)

    def test_passing_tests_are_not_listed_and_the_full_log_is_named(self):
        out = self.summarize("--output-on-failure").stdout
        self.assertNotIn("all good", out)
        self.assertNotIn("Passes", out)
        self.assertIn("full ctest log: " + self.log, out)
        with open(self.log) as log:
            text = log.read()
        self.assertIn("Test #1: Passes", text)
        self.assertIn("expected 1, got <2>", text)

    def test_arguments_go_to_ctest_and_a_green_run_exits_zero(self):
        run = self.summarize("-R", "^Passes$")
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertEqual(run.stdout.splitlines()[-1], "tests: 1 passed, 0 failed, 0 skipped")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
