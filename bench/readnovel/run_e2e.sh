#!/usr/bin/env bash
# End-to-end benchmark of readnovel-api and readnovel-segment against a local fixture
# server and a throwaway PostgreSQL cluster.
#   readnovel-api:     CHAPTERS-chapter list (default 5000) into an empty catalog, RUNS runs
#                      (fresh edition each time): median wall time, peak RSS, and the number
#                      of SQL statements the run sent (server log with log_statement=all for
#                      the bench database), compared with a 320-chapter list.
#   readnovel-segment: CONTENT chapters (default 500) with --delay 0: median wall time,
#                      chapters per second, peak RSS.
#   BUILD_DIR=/work/main/build-readnovel bench/readnovel/run_e2e.sh [CHAPTERS] [CONTENT] [RUNS]
# Needs the targets readnovel-api readnovel-segment pipeline-jobs fixture-server measure-run.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "$0")/../lib.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"

CHAPTERS="${CHAPTERS:-${1:-5000}}"
CONTENT="${CONTENT:-${2:-500}}"
RUNS="${RUNS:-${3:-5}}"
bench_require readnovel-api readnovel-segment pipeline-jobs fixture-server
bench_setup readnovel

SLUG="$(python3 "$HERE/make_bench_site.py" "$WORK_DIR/site" "$CHAPTERS" "$CONTENT")"
python3 "$HERE/make_bench_site.py" "$WORK_DIR/small" 320 0 >/dev/null
start_site() {  # start_site ROOT: serve the generated site in ROOT
  bench_start_server "$1"
  export READNOVEL_API_BASE="$SERVER_BASE" READNOVEL_SITE_BASE="$SERVER_BASE"
}
bench_migrate
"${PSQL[@]}" -c "ALTER DATABASE bench SET log_statement = 'all'"

fresh_work() {  # a new work, no editions/segments/jobs left from earlier runs
  "${PSQL[@]}" -c "TRUNCATE segment_assets, assets, segments, editions, pipeline_jobs, works CASCADE" >/dev/null
  "${PSQL[@]}" -c "INSERT INTO works (id, title) VALUES ('5c36ee25-e4ff-4e49-ac89-302ae715e596', 'Bench') RETURNING id"
}

# api_run MS_ARRAY RSS_VAR STATEMENTS_ARRAY: one readnovel-api run into a fresh catalog
# (see bench_timed_run); appends the number of SQL statements it sent to STATEMENTS_ARRAY.
api_run() {
  local -n api_statements_="$3"
  local api_work_ api_before_
  api_work_="$(fresh_work)"
  api_before_="$(pg_log_size)"
  bench_timed_run "$1" "$2" readnovel-api "$api_work_" "$SLUG"
  sleep 0.2  # let the server flush its log
  api_statements_+=("$(statements_since "$api_before_")")
}

start_site "$WORK_DIR/small"
# shellcheck disable=SC2034  # filled by api_run; only the statement count is reported
small_ms=() small_rss=0 small_statements=()
api_run small_ms small_rss small_statements
start_site "$WORK_DIR/site"
api_ms=(); api_rss=0; api_statements=()
for _ in $(seq "$RUNS"); do
  api_run api_ms api_rss api_statements
done
segments="$("${PSQL[@]}" -c "SELECT count(*) FROM segments")"
[ "$segments" = "$CHAPTERS" ] || die "expected $CHAPTERS segments, found $segments"
EDITION="$("${PSQL[@]}" -c "SELECT id FROM editions LIMIT 1")"

seg_ms=(); seg_rss=0
bench_segment_runs seg_ms seg_rss "$CONTENT" readnovel-segment --edition "$EDITION" --limit "$CONTENT" --delay 0

am="$(median "${api_ms[@]}")"; sm="$(median "${seg_ms[@]}")"
echo "readnovel end to end: local fixture server + PostgreSQL, $RUNS runs each (medians)"
echo "readnovel-api      $CHAPTERS chapters: median ${am} ms (runs: ${api_ms[*]}), peak RSS ${api_rss} KiB"
echo "readnovel-api      SQL statements per run: ${api_statements[*]} for $CHAPTERS chapters, ${small_statements[0]} for 320 chapters"
echo "readnovel-segment  $CONTENT chapters, --delay 0: median ${sm} ms (runs: ${seg_ms[*]}), peak RSS ${seg_rss} KiB"
awk -v n="$CONTENT" -v ms="$sm" 'BEGIN {printf "readnovel-segment  %.1f chapters/s, %.2f ms per chapter (fetch + parse + clean + store + register)\n", n / (ms / 1000), ms / n}'
