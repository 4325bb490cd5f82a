#!/usr/bin/env bash
# End-to-end throughput of chereads-work and chereads-segment (--delay 0) against a
# local fixture server and a throwaway PostgreSQL cluster: medians of RUNS runs, pages
# per second, and each program's peak RSS (ru_maxrss of the child, via measure-run).
#   BUILD_DIR=/work/main/build-chereads bench/chereads/run_e2e.sh [CHAPTERS=300] [RUNS=5]
# Needs the targets chereads-work chereads-segment pipeline-jobs fixture-server measure-run.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "$0")/../lib.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"

CHAPTERS="${CHAPTERS:-${1:-300}}"
RUNS="${RUNS:-${2:-5}}"
bench_require chereads-work chereads-segment pipeline-jobs fixture-server
bench_setup chereads

BOOK="$(python3 "$HERE/make_bench_site.py" "$WORK_DIR/site" "$CHAPTERS")"
bench_start_server "$WORK_DIR/site"
export CHEREADS_BASE="$SERVER_BASE"
bench_migrate

WORK_ID="5c36ee25-e4ff-4e49-ac89-302ae715e596"
work_ms=(); work_rss=0; seg_ms=(); seg_rss=0
for _ in $(seq "$RUNS"); do
  bench_timed_run work_ms work_rss chereads-work --url="$CHEREADS_BASE/chapterlist/$BOOK/" --workId="$WORK_ID"
done
EDITION="$("${PSQL[@]}" -c "SELECT id FROM editions LIMIT 1")"
bench_segment_runs seg_ms seg_rss "$CHAPTERS" chereads-segment --editionId="$EDITION" --delay=0

wm="$(median "${work_ms[@]}")"; sm="$(median "${seg_ms[@]}")"
echo "chereads end to end: $CHAPTERS chapters, $RUNS runs each, --delay 0, local fixture server + PostgreSQL"
echo "chereads-work     median ${wm} ms (runs: ${work_ms[*]}), peak RSS ${work_rss} KiB"
echo "chereads-segment  median ${sm} ms (runs: ${seg_ms[*]}), peak RSS ${seg_rss} KiB"
awk -v n="$CHAPTERS" -v ms="$sm" 'BEGIN {printf "chereads-segment  %.1f pages/s, %.2f ms per page (fetch + parse + store + register)\n", n / (ms / 1000), ms / n}'
