#!/usr/bin/env bash
# End-to-end timings of opensubtitles-work and bulk-download-subtitles against the
# fixture server (with its OpenSubtitles API emulator) and a throwaway PostgreSQL
# cluster: medians of RUNS runs, each program's peak RSS (ru_maxrss of the child, via
# measure-run), and the SQL statements one opensubtitles-work run sends
# (counted from the server log with log_statement = 'all').
#   BUILD_DIR=/work/main/build-opensubtitles bench/opensubtitles/run_e2e.sh [RUNS=5]
# Needs the targets opensubtitles-work bulk-download-subtitles pipeline-jobs
# fixture-server measure-run.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "$0")/../lib.sh"

RUNS="${RUNS:-${1:-5}}"
bench_require opensubtitles-work bulk-download-subtitles pipeline-jobs fixture-server
bench_setup opensubtitles

bench_start_server "$ROOT/fixtures/opensubtitles" --emulate opensubtitles
BASE="$SERVER_BASE"
export OPENSUBTITLES_SITE_BASE="$BASE" OPENSUBTITLES_BASE_URL="$BASE/api/v1" OPENSUBTITLES_API_KEY="bench-key"
unset OPENSUBTITLES_USERNAME OPENSUBTITLES_PASSWORD HTTP_REPLAY_DIR HTTP_RECORD_DIR
bench_migrate

# opensubtitles-work: each run creates a new work, so every run inserts 2 editions + 25 segments.
work_ms=(); work_rss=0
for run in $(seq "$RUNS"); do
  bench_timed_run work_ms work_rss opensubtitles-work --url "$BASE/en/tvshows/2024-solo-leveling" --title "Solo Leveling $run"
done

# SQL statements of one more run (log_statement = 'all' only for this run).
"${PSQL[@]}" -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.2
before="$(pg_log_size)"
# shellcheck disable=SC2034  # filled by bench_timed_run; only the statement count is reported
counted_ms=() counted_rss=0
bench_timed_run counted_ms counted_rss opensubtitles-work --url "$BASE/en/tvshows/2024-solo-leveling" --title "Solo Leveling counted"
sleep 0.2
statements="$(statements_since "$before")"
"${PSQL[@]}" -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null

# bulk-download-subtitles over season 1 of the first work: 12 episodes, 4 with subtitles,
# 8 without (empty search results); assets are cleared before every run.
EDITION="$("${PSQL[@]}" -c "SELECT e.id FROM editions e JOIN works w ON w.id = e.work_id
  WHERE w.title = 'Solo Leveling 1' AND e.provider = 'opensubtitles-s1'")"
bulk_ms=(); bulk_rss=0
bench_segment_runs bulk_ms bulk_rss 4 bulk-download-subtitles --editionId "$EDITION" --seriesName "Solo Leveling" --delay 0

wm="$(median "${work_ms[@]}")"; bm="$(median "${bulk_ms[@]}")"
echo "opensubtitles end to end: $RUNS runs each, local fixture server (API emulator) + PostgreSQL"
echo "opensubtitles-work       median ${wm} ms (runs: ${work_ms[*]}), peak RSS ${work_rss} KiB, 2 editions + 25 episodes"
echo "opensubtitles-work       ${statements} SQL statements in one run (job bookkeeping included)"
echo "bulk-download-subtitles  median ${bm} ms (runs: ${bulk_ms[*]}), peak RSS ${bulk_rss} KiB"
echo "                         12 episodes: 12 searches + 4 download links + 4 files = 20 requests at 5 per second"
