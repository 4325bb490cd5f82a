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
# Needs the targets readnovel-api readnovel-segment pipeline-jobs readnovel_measure_run. The site is
# served by serve_site.py (plain, uncompressed): the fixture server's on-the-fly brotli at
# quality 11 would dominate the timings (about 1.5 s for the 700 KB list).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

CHAPTERS="${CHAPTERS:-${1:-5000}}"
CONTENT="${CONTENT:-${2:-500}}"
RUNS="${RUNS:-${3:-5}}"
BIN="$BUILD_DIR/bin"
HERE="$(cd "$(dirname "$0")" && pwd)"
for program in readnovel-api readnovel-segment pipeline-jobs readnovel_measure_run; do
  [ -x "$BIN/$program" ] || die "$BIN/$program is missing: build it first"
done

WORK_DIR="$(mktemp -d /tmp/readnovel-bench.XXXXXX)"
chmod 755 "$WORK_DIR"  # the postgres user must reach its cluster directory inside
PG_PORT="${BENCH_PG_PORT:-$((40000 + RANDOM % 10000))}"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  pg_stop "$WORK_DIR/pg"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT INT TERM

SLUG="$(python3 "$HERE/make_bench_site.py" "$WORK_DIR/site" "$CHAPTERS" "$CONTENT")"
python3 "$HERE/make_bench_site.py" "$WORK_DIR/small" 320 0 >/dev/null
pg_start "$WORK_DIR/pg" "$PG_PORT"
"$(pg_bindir)/createdb" -h "$WORK_DIR/pg" -p "$PG_PORT" -U postgres bench
export DATABASE_URL="$(pg_conninfo "$WORK_DIR/pg" "$PG_PORT" bench)"
PSQL=("$(pg_bindir)/psql" -X -q -At "$DATABASE_URL")
PG_LOG="$WORK_DIR/pg/server.log"

start_server() {  # start_server ROOT: (re)start the fixture server over ROOT
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  rm -f "$WORK_DIR/port"
  python3 "$HERE/serve_site.py" "$1" "$WORK_DIR/port" >"$WORK_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do [ -s "$WORK_DIR/port" ] && break; sleep 0.05; done
  [ -s "$WORK_DIR/port" ] || die "fixture server did not start"
  export READNOVEL_API_BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")" READNOVEL_SITE_BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")"
}
export ASSET_DIR="$WORK_DIR/assets" LOG_LEVEL=warn JOB_HEARTBEAT_INTERVAL=15s
unset CLOUDFLARE_R2_ENDPOINT CLOUDFLARE_R2_ACCESS_KEY_ID CLOUDFLARE_R2_SECRET_ACCESS_KEY CLOUDFLARE_R2_BUCKET
cd "$WORK_DIR"
"$BIN/pipeline-jobs" migrate >/dev/null
"${PSQL[@]}" -c "ALTER DATABASE bench SET log_statement = 'all'"

measure() { "$BIN/readnovel_measure_run" "$@" 2>>"$WORK_DIR/runs.log" | tail -n 1; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Statements logged since byte offset $1 of the server log (simple and extended protocol).
statements_since() { tail -c +"$(( $1 + 1 ))" "$PG_LOG" | grep -cE 'LOG:  (statement|execute [^:]*):' || true; }
log_size() { stat -c %s "$PG_LOG"; }
fresh_work() {  # a new work, no editions/segments/jobs left from earlier runs
  "${PSQL[@]}" -c "TRUNCATE segment_assets, assets, segments, editions, pipeline_jobs, works CASCADE" >/dev/null
  "${PSQL[@]}" -c "INSERT INTO works (id, title) VALUES ('5c36ee25-e4ff-4e49-ac89-302ae715e596', 'Bench') RETURNING id"
}

api_run() {  # api_run: one readnovel-api run into a fresh catalog; prints "wall_ms rss statements"
  local work before r
  work="$(fresh_work)"
  before="$(log_size)"
  r="$(measure "$BIN/readnovel-api" "$work" "$SLUG")"
  [ "$(field "$r" exit)" = 0 ] || die "readnovel-api failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  sleep 0.2  # let the server flush its log
  echo "$(field "$r" wall_ms) $(field "$r" max_rss_kb) $(statements_since "$before")"
}

start_server "$WORK_DIR/small"
read -r _ _ small_statements < <(api_run)
start_server "$WORK_DIR/site"
api_ms=(); api_rss=0; api_statements=()
for run in $(seq "$RUNS"); do
  read -r ms rss statements < <(api_run)
  api_ms+=("$ms"); api_statements+=("$statements"); [ "$rss" -gt "$api_rss" ] && api_rss=$rss
done
segments="$("${PSQL[@]}" -c "SELECT count(*) FROM segments")"
[ "$segments" = "$CHAPTERS" ] || die "expected $CHAPTERS segments, found $segments"
EDITION="$("${PSQL[@]}" -c "SELECT id FROM editions LIMIT 1")"

seg_ms=(); seg_rss=0
for run in $(seq "$RUNS"); do
  "${PSQL[@]}" -c "DELETE FROM segment_assets; DELETE FROM assets;"
  rm -rf "$ASSET_DIR"
  r="$(measure "$BIN/readnovel-segment" --edition "$EDITION" --limit "$CONTENT" --delay 0)"
  [ "$(field "$r" exit)" = 0 ] || die "readnovel-segment failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  seg_ms+=("$(field "$r" wall_ms)"); rss="$(field "$r" max_rss_kb)"; [ "$rss" -gt "$seg_rss" ] && seg_rss=$rss
done
stored="$("${PSQL[@]}" -c "SELECT count(*) FROM assets")"
[ "$stored" = "$CONTENT" ] || die "expected $CONTENT stored chapters, found $stored"

am="$(median "${api_ms[@]}")"; sm="$(median "${seg_ms[@]}")"
echo "readnovel end to end: local static server (serve_site.py) + PostgreSQL, $RUNS runs each (medians)"
echo "readnovel-api      $CHAPTERS chapters: median ${am} ms (runs: ${api_ms[*]}), peak RSS ${api_rss} KiB"
echo "readnovel-api      SQL statements per run: ${api_statements[*]} for $CHAPTERS chapters, $small_statements for 320 chapters"
echo "readnovel-segment  $CONTENT chapters, --delay 0: median ${sm} ms (runs: ${seg_ms[*]}), peak RSS ${seg_rss} KiB"
awk -v n="$CONTENT" -v ms="$sm" 'BEGIN {printf "readnovel-segment  %.1f chapters/s, %.2f ms per chapter (fetch + parse + clean + store + register)\n", n / (ms / 1000), ms / n}'
