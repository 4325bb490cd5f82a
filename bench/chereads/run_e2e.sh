#!/usr/bin/env bash
# End-to-end throughput of chereads-work and chereads-segment (--delay 0) against a
# local fixture server and a throwaway PostgreSQL cluster: medians of RUNS runs, pages
# per second, and each program's peak RSS (ru_maxrss of the child, via chereads_measure_run).
#   BUILD_DIR=/work/main/build-chereads bench/chereads/run_e2e.sh [CHAPTERS=300] [RUNS=5]
# Needs the targets chereads-work chereads-segment pipeline-jobs fixture-server chereads_measure_run.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

CHAPTERS="${CHAPTERS:-${1:-300}}"
RUNS="${RUNS:-${2:-5}}"
BIN="$BUILD_DIR/bin"
for program in chereads-work chereads-segment pipeline-jobs fixture-server chereads_measure_run; do
  [ -x "$BIN/$program" ] || die "$BIN/$program is missing: build it first"
done

WORK_DIR="$(mktemp -d /tmp/chereads-bench.XXXXXX)"
chmod 755 "$WORK_DIR"  # the postgres user must reach its cluster directory inside
PG_PORT="${BENCH_PG_PORT:-$((40000 + RANDOM % 10000))}"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  pg_stop "$WORK_DIR/pg"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT INT TERM

BOOK="$(python3 "$(dirname "$0")/make_bench_site.py" "$WORK_DIR/site" "$CHAPTERS")"
pg_start "$WORK_DIR/pg" "$PG_PORT"
"$(pg_bindir)/createdb" -h "$WORK_DIR/pg" -p "$PG_PORT" -U postgres bench
export DATABASE_URL="$(pg_conninfo "$WORK_DIR/pg" "$PG_PORT" bench)"
PSQL=("$(pg_bindir)/psql" -X -q -At "$DATABASE_URL")

"$BIN/fixture-server" --root "$WORK_DIR/site" --port 0 --port-file "$WORK_DIR/port" >"$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK_DIR/port" ] && break; sleep 0.05; done
[ -s "$WORK_DIR/port" ] || die "fixture server did not start"
export CHEREADS_BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")"
export ASSET_DIR="$WORK_DIR/assets" LOG_LEVEL=warn JOB_HEARTBEAT_INTERVAL=15s
unset CLOUDFLARE_R2_ENDPOINT CLOUDFLARE_R2_ACCESS_KEY_ID CLOUDFLARE_R2_SECRET_ACCESS_KEY CLOUDFLARE_R2_BUCKET
cd "$WORK_DIR"
"$BIN/pipeline-jobs" migrate >/dev/null

WORK_ID="5c36ee25-e4ff-4e49-ac89-302ae715e596"
measure() { "$BIN/chereads_measure_run" "$@" 2>>"$WORK_DIR/runs.log" | tail -n 1; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work_ms=(); work_rss=0; seg_ms=(); seg_rss=0
for run in $(seq "$RUNS"); do
  r="$(measure "$BIN/chereads-work" --url="$CHEREADS_BASE/chapterlist/$BOOK/" --workId="$WORK_ID")"
  [ "$(field "$r" exit)" = 0 ] || die "chereads-work failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  work_ms+=("$(field "$r" wall_ms)"); rss="$(field "$r" max_rss_kb)"; [ "$rss" -gt "$work_rss" ] && work_rss=$rss
done
EDITION="$("${PSQL[@]}" -c "SELECT id FROM editions LIMIT 1")"
for run in $(seq "$RUNS"); do
  "${PSQL[@]}" -c "DELETE FROM segment_assets; DELETE FROM assets;"
  rm -rf "$ASSET_DIR"
  r="$(measure "$BIN/chereads-segment" --editionId="$EDITION" --delay=0)"
  [ "$(field "$r" exit)" = 0 ] || die "chereads-segment failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  seg_ms+=("$(field "$r" wall_ms)"); rss="$(field "$r" max_rss_kb)"; [ "$rss" -gt "$seg_rss" ] && seg_rss=$rss
done
stored="$("${PSQL[@]}" -c "SELECT count(*) FROM assets")"
[ "$stored" = "$CHAPTERS" ] || die "expected $CHAPTERS stored chapters, found $stored"

wm="$(median "${work_ms[@]}")"; sm="$(median "${seg_ms[@]}")"
echo "chereads end to end: $CHAPTERS chapters, $RUNS runs each, --delay 0, local fixture server + PostgreSQL"
echo "chereads-work     median ${wm} ms (runs: ${work_ms[*]}), peak RSS ${work_rss} KiB"
echo "chereads-segment  median ${sm} ms (runs: ${seg_ms[*]}), peak RSS ${seg_rss} KiB"
awk -v n="$CHAPTERS" -v ms="$sm" 'BEGIN {printf "chereads-segment  %.1f pages/s, %.2f ms per page (fetch + parse + store + register)\n", n / (ms / 1000), ms / n}'
