#!/usr/bin/env python3
"""The fault suite's driver (run by scripts/faults, which provides the database, the
fixture server and the environment). It runs the six programs against the fixture
server under faults, then checks what must hold whatever happened:

  - no job row is left `running` once a reap has run (and none at all after SIGTERM/
    SIGINT or a fault the program survives: those runs must end their own row);
  - every asset row's blob exists with the recorded size; no segment has two assets in
    one role; no storage key is registered twice;
  - no finished segment job claims more stored segments than have an asset, and
    success + failed never exceeds total;
  - a clean re-run of every program afterwards stores exactly the keys a clean first
    pass stored (the rest is completed, nothing is lost or invented).

Prints a table (fault, runs, outcomes) and exits 1 when an invariant broke.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict

BIN = os.environ["FAULTS_BIN"]
SITE = os.environ["FAULTS_SITE"]
DATABASE_URL = os.environ["DATABASE_URL"]
PSQL = os.environ["FAULTS_PSQL"]
ASSET_DIR = os.environ["ASSET_DIR"]
RESTART_PG = os.environ["FAULTS_RESTART_PG"]  # a shell command restarting the cluster

NOVEL_WORK = "fa017000-0000-4000-8000-000000000001"
CHEREADS_WORK = "fa017000-0000-4000-8000-000000000002"
SHOW_WORK = "fa017000-0000-4000-8000-000000000003"
HEARTBEAT = 0.1  # JOB_HEARTBEAT_INTERVAL given to every program, so a reap can follow quickly

problems = []


def sql(query, *params):
    """Runs one statement through psql with its values passed as psql variables (quoted
    by psql itself: :'name'), returning rows of '|'-separated text."""
    args = [PSQL, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", DATABASE_URL]
    for i, value in enumerate(params):
        args += ["-v", f"p{i}={value}"]
    out = subprocess.run(args, input=query, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()} (query: {query[:80]})")
    return [line for line in out.stdout.splitlines() if line]


def edition_of(work_id):
    rows = sql("SELECT id FROM editions WHERE work_id = :'p0' ORDER BY created_at LIMIT 1", work_id)
    return rows[0] if rows else None


def program_commands():
    """Each program with arguments for one run against the fixture server."""
    novel_edition = edition_of(NOVEL_WORK)
    chereads_edition = edition_of(CHEREADS_WORK)
    commands = {
        "readnovel-api": [NOVEL_WORK, "the-quiet-lantern"],
        "chereads-work": [f"--url={SITE}/chapterlist/34048845808168505/", f"--workId={CHEREADS_WORK}"],
        "opensubtitles-work": ["--url", f"{SITE}/en/tvshows/2024-solo-leveling", "--workId", SHOW_WORK],
        "bulk-download-subtitles": ["--workId", SHOW_WORK, "--seriesName", "Solo Leveling", "--delay", "20",
                                    "--limit", "6"],
    }
    if novel_edition:
        commands["readnovel-segment"] = ["--edition", novel_edition, "--delay", "20"]
    if chereads_edition:
        commands["chereads-segment"] = [f"--editionId={chereads_edition}", "--delay=20"]
    return {name: [os.path.join(BIN, name)] + args for name, args in commands.items()}


SEGMENT_PROGRAMS = ("readnovel-segment", "chereads-segment", "bulk-download-subtitles")
WORK_OF = {"readnovel-segment": NOVEL_WORK, "chereads-segment": CHEREADS_WORK, "bulk-download-subtitles": SHOW_WORK}


def program_env():
    env = dict(os.environ)
    env["JOB_HEARTBEAT_INTERVAL"] = f"{int(HEARTBEAT * 1000)}ms"
    return env


def forget_assets(work_ids):
    """Drops the stored content of these works' segments (rows and blobs), so the next
    segment run has work to do. Only what the suite itself made is touched."""
    keys = sql("""SELECT a.r2_key FROM assets a JOIN segment_assets sa ON sa.asset_id = a.id
                  JOIN segments s ON s.id = sa.segment_id JOIN editions e ON e.id = s.edition_id
                  WHERE e.work_id::text = ANY(string_to_array(:'p0', ','))""", ",".join(work_ids))
    sql("""DELETE FROM assets WHERE id IN (SELECT sa.asset_id FROM segment_assets sa
             JOIN segments s ON s.id = sa.segment_id JOIN editions e ON e.id = s.edition_id
             WHERE e.work_id::text = ANY(string_to_array(:'p0', ',')))""", ",".join(work_ids))
    for key in keys:
        path = os.path.join(ASSET_DIR, key)
        if os.path.isfile(path):
            os.unlink(path)


def run(name, command, fault=None, delay=0.0):
    """Runs one program; `fault(process)` is called after `delay` seconds if it still
    runs. Returns (exit code or -signal, seconds, stderr tail)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=program_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, errors="replace")
    if fault is not None:
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            fault(process)
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
        problems.append(f"{name} did not finish within 120 s after the fault")
    return process.returncode, time.monotonic() - started, err.strip().splitlines()[-1:] if err else []


def jobs_running():
    return int(sql("SELECT count(*) FROM pipeline_jobs WHERE status = 'running'")[0])


def reap():
    time.sleep(HEARTBEAT * 4)
    subprocess.run([os.path.join(BIN, "pipeline-jobs"), "reap", "--stale-after", f"{int(HEARTBEAT * 3000)}ms"],
                   env=program_env(), capture_output=True, check=False)


def latest_job_status(since_id_count):
    rows = sql("SELECT status FROM pipeline_jobs ORDER BY created_at DESC LIMIT 1")
    count = int(sql("SELECT count(*) FROM pipeline_jobs")[0])
    return (rows[0] if rows and count > since_id_count else "no row")


def job_count():
    return int(sql("SELECT count(*) FROM pipeline_jobs")[0])


def check_latest_job_counts(name, jobs_before):
    """Truthful counts, checked right after the run (later runs forget assets): a
    finished segment job never claims more stored segments than its edition (or work)
    has with an asset, and success + failed never exceeds total."""
    rows = sql("""SELECT j.id, (j.output->>'success')::int, coalesce((j.output->>'failed')::int, 0),
                         (j.output->>'total')::int,
                         (SELECT count(DISTINCT sa.segment_id) FROM segment_assets sa
                            JOIN segments s ON s.id = sa.segment_id JOIN editions e ON e.id = s.edition_id
                           WHERE s.edition_id = j.edition_id OR (j.edition_id IS NULL AND e.work_id = j.work_id))
                  FROM (SELECT * FROM pipeline_jobs ORDER BY created_at DESC LIMIT 1) j
                  WHERE j.status IN ('success', 'failed') AND j.output ? 'success' AND j.output ? 'total'""")
    if not rows or name not in SEGMENT_PROGRAMS or job_count() == jobs_before:
        return  # this run wrote no row (or it did not finish): nothing to check
    job_id, success, failed, total, created = rows[0].split("|")
    if int(success) + int(failed) > int(total):
        problems.append(f"{name}: job {job_id} counts {success}+{failed} > total {total}")
    if int(success) > int(created):
        problems.append(f"{name}: job {job_id} says {success} stored but {created} segments have an asset")


def outcome_of(name, command, fault, delay, expect_own_ending):
    """Runs with a fault; returns an outcome label and records broken invariants."""
    before = job_count()
    code, _, tail = run(name, command, fault, delay)
    status = latest_job_status(before)
    label = f"exit {code}"
    if status in ("running", "queued"):
        if expect_own_ending and code != -signal.SIGKILL:  # SIGKILL leaves it to the reaper
            problems.append(f"{name}: job left {status} after exit {code} {tail}")
        reap()
        status = latest_job_status(before) + f" (reaped from {status})"
    if jobs_running():
        problems.append(f"{name}: a job is still running after the reap")
    if status.startswith("queued"):
        problems.append(f"{name}: exit {code} left its job queued, even after a reap")
    check_latest_job_counts(name, before)
    return f"{label}, {status}"


def check_invariants(where):
    for row in sql("SELECT r2_key, coalesce(bytes, -1) FROM assets"):
        key, size = row.rsplit("|", 1)
        path = os.path.join(ASSET_DIR, key)
        if not os.path.isfile(path):
            problems.append(f"{where}: asset {key} has no blob")
        elif int(size) >= 0 and os.path.getsize(path) != int(size):
            problems.append(f"{where}: blob {key} is {os.path.getsize(path)} bytes, the row says {size}")
    for row in sql("""SELECT segment_id, role, count(*) FROM segment_assets GROUP BY 1, 2 HAVING count(*) > 1"""):
        problems.append(f"{where}: segment/role has several assets: {row}")
    for row in sql("SELECT r2_key FROM assets GROUP BY r2_key HAVING count(*) > 1"):
        problems.append(f"{where}: key registered twice: {row}")


def stored_keys():
    return set(sql("SELECT r2_key FROM assets"))


def clean_pass():
    for name, command in program_commands().items():
        before = job_count()
        code, _, tail = run(name, command)
        if code not in (0, 1):  # 1: some chapters fail on purpose in the fixtures
            problems.append(f"clean {name}: exit {code} {tail}")
        check_latest_job_counts(name, before)


def mount_tmpfs(options):
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", ASSET_DIR], capture_output=True, text=True)
    return out.returncode == 0, out.stderr.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100, help="signal runs")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"fault suite: seed {args.seed}", flush=True)

    sql("""INSERT INTO works (id, title) VALUES (:'p0', 'Fault Lantern'), (:'p1', 'Fault Show')
           ON CONFLICT (id) DO NOTHING""", NOVEL_WORK, SHOW_WORK)
    # A clean first pass: the keys every later state must come back to, and each program's duration.
    durations = {}
    clean_pass()  # the work programs create the editions the segment programs need
    forget_assets([NOVEL_WORK, CHEREADS_WORK, SHOW_WORK])
    for name, command in program_commands().items():
        before = job_count()
        _, seconds, _ = run(name, command)
        check_latest_job_counts(name, before)
        durations[name] = seconds
    reference = stored_keys()
    check_invariants("clean pass")
    if not reference:
        problems.append("the clean pass stored nothing")

    table = defaultdict(Counter)

    def signal_fault(sig):
        return lambda process: process.send_signal(sig)

    # Signals at random points.
    signals = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT]
    for _ in range(args.runs):
        name, command = rng.choice(sorted(program_commands().items()))
        if name in SEGMENT_PROGRAMS and rng.random() < 0.7:
            forget_assets([WORK_OF[name]])
        sig = rng.choice(signals)
        delay = rng.uniform(0, durations[name] * 1.2)
        outcome = outcome_of(name, command, signal_fault(sig), delay, expect_own_ending=True)
        table[f"{sig.name} at a random point"][outcome] += 1
    check_invariants("after signals")

    def terminate_backends(_process):
        sql("""SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = current_database() AND pid <> pg_backend_pid()""")

    def restart_server(_process):
        subprocess.run(RESTART_PG, shell=True, check=True, capture_output=True)

    for label, fault, runs in (("pg_terminate_backend mid-run", terminate_backends, 10),
                               ("PostgreSQL restarted mid-run", restart_server, 3)):
        for _ in range(runs):
            name = rng.choice(SEGMENT_PROGRAMS)
            forget_assets([WORK_OF[name]])
            command = program_commands()[name]
            outcome = outcome_of(name, command, fault, rng.uniform(0.05, max(0.1, durations[name] * 0.8)),
                                 expect_own_ending=False)
            table[label][outcome] += 1
        check_invariants(f"after {label}")

    # The asset directory full, then read-only: a tiny / read-only tmpfs over ASSET_DIR.
    for label, options in (("asset directory full", "size=24k,mode=0755"), ("asset directory read-only", "ro")):
        forget_assets([NOVEL_WORK, CHEREADS_WORK, SHOW_WORK])  # the directory under the mount is now empty
        mounted, why = mount_tmpfs(options)
        if not mounted:
            table[label][f"skipped: cannot mount a tmpfs ({why})"] += 1
            continue
        kept = ASSET_DIR.rstrip("/") + ".kept"
        try:
            for name in SEGMENT_PROGRAMS:
                table[label][outcome_of(name, program_commands()[name], None, 0, expect_own_ending=True)] += 1
            check_invariants(f"during {label}")
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(ASSET_DIR, kept)  # what was stored before the disk filled up stays
        finally:
            subprocess.run(["umount", ASSET_DIR], check=False)
        shutil.copytree(kept, ASSET_DIR, dirs_exist_ok=True)
        shutil.rmtree(kept, ignore_errors=True)

    # A clean re-run completes the rest.
    clean_pass()
    check_invariants("after the re-run")
    final = stored_keys()
    if final != reference:
        problems.append(f"the re-run stored {len(final)} keys, the clean pass {len(reference)}: "
                        f"missing {sorted(reference - final)[:3]}, extra {sorted(final - reference)[:3]}")
    table["re-run after all faults"][f"{len(final)}/{len(reference)} keys stored"] += 1

    print(f"\n{'fault':<32} {'runs':>5}  outcomes")
    for label, outcomes in table.items():
        summary = "; ".join(f"{text} ×{count}" for text, count in sorted(outcomes.items(), key=lambda kv: -kv[1]))
        print(f"{label:<32} {sum(outcomes.values()):>5}  {summary}")
    if problems:
        print(f"\n{len(problems)} invariant(s) broken:")
        for problem in problems[:50]:
            print(f"  - {problem}")
        return 1
    print("\nevery invariant held: no job left running, every asset has its blob, counts truthful, re-run complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
