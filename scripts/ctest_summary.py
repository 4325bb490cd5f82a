#!/usr/bin/env python3
"""Run ctest and print a short summary instead of one line per test.

    ctest_summary.py BUILD_DIR LOG_FILE [ctest arguments...]

Runs `ctest --output-junit` in BUILD_DIR with the given arguments and writes ctest's
whole output to LOG_FILE. On a terminal a single status line shows progress; nothing
else is printed while the tests run. Then it prints the counts, every failed test with
its output, every skipped test with its reason (GoogleTest's GTEST_SKIP message, or
the output of a test that exited with its skip code), where the full log is, and a
closing line "tests: N passed, N failed, N skipped". Exits 0 only when ctest did and
no test failed. $CTEST names the ctest to run (default: ctest on the PATH).
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MAX_OUTPUT_LINES = 120  # per failed test; the full output is in the log
PROGRESS = re.compile(r"^\s*(\d+)/(\d+) Test\s+#\d+: (\S+)")
FAILED_HEADER = "The following tests FAILED:"
FAILED_LINE = re.compile(r"^\s*\d+ - (.+) \(([^()]+)\)$")
REAL_SKIPS = ("SKIP_RETURN_CODE", "SKIP_REGULAR_EXPRESSION_MATCHED")


def run_ctest(build_dir, log_path, junit_path, args):
    """Runs ctest, copying its output to the log; returns its exit status."""
    command = [os.environ.get("CTEST", "ctest"), "--output-junit", junit_path] + args
    tty = sys.stderr.isatty()
    with open(log_path, "w", encoding="utf-8", errors="replace") as log:
        log.write("$ " + " ".join(command) + "\n")
        child = subprocess.Popen(command, cwd=build_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True, errors="replace", bufsize=1)
        try:
            for line in child.stdout:
                log.write(line)
                match = PROGRESS.match(line)
                if tty and match:
                    done, total, name = match.groups()
                    sys.stderr.write(f"\r\033[K[{done}/{total}] {name[:100]}")
                    sys.stderr.flush()
        except KeyboardInterrupt:
            pass
        status = child.wait()
    if tty:
        sys.stderr.write("\r\033[K")
    return status


def failure_kinds(log_path):
    """Test name -> ctest's word for its failure (Failed, Timeout, Not Run, ...)."""
    kinds = {}
    in_list = False
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.rstrip("\n")
            if line.strip() == FAILED_HEADER:
                in_list = True
                continue
            if in_list:
                match = FAILED_LINE.match(line)
                if not match:
                    in_list = False
                    continue
                kinds[match.group(1)] = match.group(2)
    return kinds


def skip_reason(output, message):
    """GoogleTest prints "<file>:<line>: Skipped" then the GTEST_SKIP message."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if line.endswith(": Skipped"):
            reason = []
            for rest in lines[i + 1:]:
                if rest.startswith("[  SKIPPED ]") or rest.startswith("[       OK ]"):
                    break
                if rest.strip():
                    reason.append(rest.strip())
            if reason:
                return " ".join(reason)
    text = [line.strip() for line in lines if line.strip() and not line.startswith("[")]
    if text:
        return " ".join(text[-3:])
    return message or "no reason given"


def clipped(output):
    lines = output.rstrip("\n").splitlines()
    if len(lines) <= MAX_OUTPUT_LINES:
        return lines
    half = MAX_OUTPUT_LINES // 2
    return lines[:half] + [f"... ({len(lines) - MAX_OUTPUT_LINES} lines left out; see the full log) ..."] + lines[-half:]


def classify(junit_path):
    """Returns (passed, failed, skipped): names, (name, output) and (name, reason)."""
    passed, failed, skipped = [], [], []
    for case in ET.parse(junit_path).getroot().iter("testcase"):
        name = case.get("name", "?")
        status = case.get("status", "")
        output = case.findtext("system-out") or ""
        skip = case.find("skipped")
        skip_message = skip.get("message", "") if skip is not None else ""
        if status == "run":
            passed.append(name)
        elif status == "disabled":
            skipped.append((name, "disabled"))
        elif status == "notrun" and skip_message.startswith(REAL_SKIPS):
            skipped.append((name, skip_reason(output, skip_message)))
        else:  # failed, timed out, or could not run (missing executable, ...)
            failed.append((name, output or skip_message))
    return passed, failed, skipped


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: ctest_summary.py BUILD_DIR LOG_FILE [ctest arguments...]")
    build_dir, log_path, args = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    junit_path = os.path.splitext(log_path)[0] + ".xml"
    if os.path.exists(junit_path):
        os.remove(junit_path)
    status = run_ctest(build_dir, log_path, junit_path, args)

    if not os.path.exists(junit_path):
        with open(log_path, encoding="utf-8", errors="replace") as log:
            print("".join(log.readlines()[-30:]), end="")
        print(f"ctest wrote no results (exit status {status}); full log: {log_path}")
        return status or 1

    passed, failed, skipped = classify(junit_path)
    kinds = failure_kinds(log_path)
    for name, output in failed:
        print(f"---- FAILED ({kinds.get(name, 'Failed')}): {name}")
        for line in clipped(output):
            print("    " + line)
    if skipped:
        print(f"---- skipped ({len(skipped)}):")
        for name, reason in skipped:
            print(f"    {name}: {reason}")
    if not (passed or failed or skipped):
        print("no test matched (see the -R / -E arguments)")
    print(f"full ctest log: {log_path} (every test's output: {junit_path})")
    print(f"tests: {len(passed)} passed, {len(failed)} failed, {len(skipped)} skipped")
    if failed:
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
