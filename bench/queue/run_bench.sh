#!/usr/bin/env bash
# The queue end to end: `pipeline-jobs worker` claiming, running and completing try-run
# jobs (--seconds 0, each its own process) against a throwaway PostgreSQL cluster.
#  - throughput: QUEUE_JOBS queued, then one worker --concurrency N (1, 4, 16) with
#    --exit-when-idle; jobs/s = QUEUE_JOBS / (last finished_at - first started_at); median of RUNS.
#  - latency at idle: an idle worker (--concurrency 1) and one job enqueued at a time;
#    started_at - created_at, median of SAMPLES, with --poll 1s (the default) and 100ms.
#   BUILD_DIR=/work/main/build bench/queue/run_bench.sh [QUEUE_JOBS=200] [RUNS=3] [SAMPLES=15]
# Needs the target pipeline-jobs.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "$0")/../lib.sh"

QUEUE_JOBS="${QUEUE_JOBS:-${1:-200}}"
RUNS="${RUNS:-${2:-3}}"
SAMPLES="${SAMPLES:-${3:-15}}"
[ -x "$BIN/pipeline-jobs" ] || die "$BIN/pipeline-jobs is missing: build it first"
bench_setup queue
bench_migrate

sql() { "${PSQL[@]}" -c "$1"; }
TRY_RUN_INPUT="jsonb_build_object('program', 'try-run', 'args', jsonb_build_array('--seconds', '0'), 'scriptType', 'pipeline-jobs-try-run')"
enqueue() {
  sql "INSERT INTO pipeline_jobs (job_type, status, attempt, input, max_attempts)
       SELECT 'scrape', 'queued', 0, $TRY_RUN_INPUT, 1 FROM generate_series(1, $1) RETURNING id" | tail -n 1
}

# throughput SLOTS: one measured drain of QUEUE_JOBS jobs; prints jobs/s.
throughput() {
  sql "DELETE FROM pipeline_jobs" >/dev/null
  enqueue "$QUEUE_JOBS" >/dev/null
  "$BIN/pipeline-jobs" worker --concurrency "$1" --poll 100ms --exit-when-idle 300ms >>"$WORK_DIR/worker.log" 2>&1
  [ "$(sql "SELECT count(*) FROM pipeline_jobs WHERE status = 'success'")" = "$QUEUE_JOBS" ] \
    || die "not every job succeeded: $(sql "SELECT status, count(*) FROM pipeline_jobs GROUP BY 1")"
  sql "SELECT round(count(*) / extract(epoch FROM max(finished_at) - min(started_at)), 1) FROM pipeline_jobs"
}

# latency POLL: median enqueue -> start (ms) of SAMPLES jobs, one at a time, idle worker.
latency() {
  local samples=() id worker
  sql "DELETE FROM pipeline_jobs" >/dev/null
  "$BIN/pipeline-jobs" worker --concurrency 1 --poll "$1" >>"$WORK_DIR/worker.log" 2>&1 &
  worker=$!
  sleep 1.5
  for _ in $(seq "$SAMPLES"); do
    id="$(enqueue 1)"
    for _ in $(seq 200); do
      [ "$(sql "SELECT status FROM pipeline_jobs WHERE id = '$id'")" = success ] && break
      sleep 0.05
    done
    samples+=("$(sql "SELECT round(extract(epoch FROM started_at - created_at) * 1000) FROM pipeline_jobs WHERE id = '$id'")")
    sleep "0.$((RANDOM % 10))"  # enqueue at different phases of the poll
  done
  kill -TERM "$worker"
  wait "$worker" || true
  median "${samples[@]}"
}

echo "queue: try-run jobs (--seconds 0, one process each), one worker, local PostgreSQL; medians of $RUNS runs of $QUEUE_JOBS jobs"
for slots in 1 4 16; do
  rates=()
  for _ in $(seq "$RUNS"); do rates+=("$(throughput "$slots")"); done
  echo "concurrency $(printf '%2d' "$slots"): $(median "${rates[@]}") jobs/s (runs: ${rates[*]})"
done
for poll in 1s 100ms; do
  echo "latency at idle, --poll $poll: median $(latency "$poll") ms enqueue -> start ($SAMPLES jobs)"
done
