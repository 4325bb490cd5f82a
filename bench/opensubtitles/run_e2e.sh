#!/usr/bin/env bash
# End-to-end timings of opensubtitles-work and bulk-download-subtitles against the
# fixture server (with its OpenSubtitles API emulator) and a throwaway PostgreSQL
# cluster: medians of RUNS runs, each program's peak RSS (ru_maxrss of the child, via
# opensubtitles_measure_run), and the SQL statements one opensubtitles-work run sends
# (counted from the server log with log_statement = 'all').
#   BUILD_DIR=/work/main/build-opensubtitles bench/opensubtitles/run_e2e.sh [RUNS=5]
# Needs the targets opensubtitles-work bulk-download-subtitles pipeline-jobs
# fixture-server opensubtitles_measure_run.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

RUNS="${RUNS:-${1:-5}}"
BIN="$BUILD_DIR/bin"
for program in opensubtitles-work bulk-download-subtitles pipeline-jobs fixture-server opensubtitles_measure_run; do
  [ -x "$BIN/$program" ] || die "$BIN/$program is missing: build it first"
done

WORK_DIR="$(mktemp -d /tmp/opensubtitles-bench.XXXXXX)"
chmod 755 "$WORK_DIR"  # the postgres user must reach its cluster directory inside
PG_PORT="${BENCH_PG_PORT:-$((40000 + RANDOM % 10000))}"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  pg_stop "$WORK_DIR/pg"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT INT TERM

pg_start "$WORK_DIR/pg" "$PG_PORT"
"$(pg_bindir)/createdb" -h "$WORK_DIR/pg" -p "$PG_PORT" -U postgres bench
export DATABASE_URL="$(pg_conninfo "$WORK_DIR/pg" "$PG_PORT" bench)"
PSQL=("$(pg_bindir)/psql" -X -q -At "$DATABASE_URL")

"$BIN/fixture-server" --root "$ROOT/fixtures/opensubtitles" --emulate opensubtitles --port 0 \
  --port-file "$WORK_DIR/port" >"$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK_DIR/port" ] && break; sleep 0.05; done
[ -s "$WORK_DIR/port" ] || die "fixture server did not start"
BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")"
export OPENSUBTITLES_SITE_BASE="$BASE" OPENSUBTITLES_BASE_URL="$BASE/api/v1" OPENSUBTITLES_API_KEY="bench-key"
export ASSET_DIR="$WORK_DIR/assets" LOG_LEVEL=warn JOB_HEARTBEAT_INTERVAL=15s
unset CLOUDFLARE_R2_ENDPOINT CLOUDFLARE_R2_ACCESS_KEY_ID CLOUDFLARE_R2_SECRET_ACCESS_KEY CLOUDFLARE_R2_BUCKET
unset OPENSUBTITLES_USERNAME OPENSUBTITLES_PASSWORD HTTP_REPLAY_DIR HTTP_RECORD_DIR
cd "$WORK_DIR"
"$BIN/pipeline-jobs" migrate >/dev/null

measure() { "$BIN/opensubtitles_measure_run" "$@" 2>>"$WORK_DIR/runs.log" | tail -n 1; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
statements_in_log() { grep -cE 'LOG:  (statement|execute [^:]*):' "$WORK_DIR/pg/server.log" || true; }

# opensubtitles-work: each run creates a new work, so every run inserts 2 editions + 25 segments.
work_ms=(); work_rss=0
for run in $(seq "$RUNS"); do
  r="$(measure "$BIN/opensubtitles-work" --url "$BASE/en/tvshows/2024-solo-leveling" --title "Solo Leveling $run")"
  [ "$(field "$r" exit)" = 0 ] || die "opensubtitles-work failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  work_ms+=("$(field "$r" wall_ms)"); rss="$(field "$r" max_rss_kb)"; [ "$rss" -gt "$work_rss" ] && work_rss=$rss
done

# SQL statements of one more run (log_statement = 'all' only for this run).
"${PSQL[@]}" -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.2
before="$(statements_in_log)"
r="$(measure "$BIN/opensubtitles-work" --url "$BASE/en/tvshows/2024-solo-leveling" --title "Solo Leveling counted")"
[ "$(field "$r" exit)" = 0 ] || die "opensubtitles-work failed: $(tail -n 5 "$WORK_DIR/runs.log")"
sleep 0.2
statements=$(( $(statements_in_log) - before ))
"${PSQL[@]}" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null

# bulk-download-subtitles over season 1 of the first work: 12 episodes, 4 with subtitles,
# 8 without (empty search results); assets are cleared before every run.
EDITION="$("${PSQL[@]}" -c "SELECT e.id FROM editions e JOIN works w ON w.id = e.work_id
  WHERE w.title = 'Solo Leveling 1' AND e.provider = 'opensubtitles-s1'")"
bulk_ms=(); bulk_rss=0
for run in $(seq "$RUNS"); do
  "${PSQL[@]}" -c "DELETE FROM segment_assets; DELETE FROM assets;"
  rm -rf "$ASSET_DIR"
  r="$(measure "$BIN/bulk-download-subtitles" --editionId "$EDITION" --seriesName "Solo Leveling" --delay 0)"
  [ "$(field "$r" exit)" = 0 ] || die "bulk-download-subtitles failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  bulk_ms+=("$(field "$r" wall_ms)"); rss="$(field "$r" max_rss_kb)"; [ "$rss" -gt "$bulk_rss" ] && bulk_rss=$rss
done
stored="$("${PSQL[@]}" -c "SELECT count(*) FROM assets")"
[ "$stored" = 4 ] || die "expected 4 stored subtitles, found $stored"

wm="$(median "${work_ms[@]}")"; bm="$(median "${bulk_ms[@]}")"
echo "opensubtitles end to end: $RUNS runs each, local fixture server (API emulator) + PostgreSQL"
echo "opensubtitles-work       median ${wm} ms (runs: ${work_ms[*]}), peak RSS ${work_rss} KiB, 2 editions + 25 episodes"
echo "opensubtitles-work       ${statements} SQL statements in one run (job bookkeeping included)"
echo "bulk-download-subtitles  median ${bm} ms (runs: ${bulk_ms[*]}), peak RSS ${bulk_rss} KiB"
echo "                         12 episodes: 12 searches + 4 download links + 4 files = 20 requests at 5 per second"
