# shellcheck shell=bash
# Shared helpers for the end-to-end benchmark drivers bench/<site>/run_e2e.sh. Source, do not run.
# A driver calls bench_require, then bench_setup (work directory, throwaway PostgreSQL
# cluster with database "bench", removed again on exit), starts the fixture server with
# bench_start_server, prepares the catalog with bench_migrate and times its programs
# with bench_timed_run or bench_segment_runs (through measure-run, bench/common).
# shellcheck source=SCRIPTDIR/../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

BIN="$BUILD_DIR/bin"

# bench_require PROGRAM...: stop unless every PROGRAM (and measure-run) is built in $BIN.
bench_require() {
  local program
  for program in "$@" measure-run; do
    [ -x "$BIN/$program" ] || die "$BIN/$program is missing: build it first"
  done
}

# bench_setup NAME: creates WORK_DIR (/tmp/NAME-bench.*) and a throwaway cluster in
# WORK_DIR/pg with the database "bench"; sets DATABASE_URL (exported), PSQL (psql command
# array for it) and PG_LOG (the server log). Everything is stopped and removed on exit.
bench_setup() {
  WORK_DIR="$(mktemp -d "/tmp/$1-bench.XXXXXX")"
  chmod 755 "$WORK_DIR"  # the postgres user must reach its cluster directory inside
  PG_PORT="${BENCH_PG_PORT:-$((40000 + RANDOM % 10000))}"
  SERVER_PID=""
  trap bench_cleanup EXIT INT TERM
  pg_start "$WORK_DIR/pg" "$PG_PORT"
  "$(pg_bindir)/createdb" -h "$WORK_DIR/pg" -p "$PG_PORT" -U postgres bench
  export DATABASE_URL
  DATABASE_URL="$(pg_conninfo "$WORK_DIR/pg" "$PG_PORT" bench)"
  PSQL=("$(pg_bindir)/psql" -X -q -At "$DATABASE_URL")
  PG_LOG="$WORK_DIR/pg/server.log"
}

bench_cleanup() {
  bench_stop_server
  pg_stop "$WORK_DIR/pg"
  rm -rf "$WORK_DIR"
}

bench_stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# bench_start_server ROOT [fixture-server options...]: (re)starts the fixture server over
# the recordings in ROOT on a free port and sets SERVER_BASE to its http://127.0.0.1:PORT.
bench_start_server() {
  local root="$1"
  shift
  bench_stop_server
  rm -f "$WORK_DIR/port"
  "$BIN/fixture-server" --root "$root" "$@" --port 0 --port-file "$WORK_DIR/port" >"$WORK_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do [ -s "$WORK_DIR/port" ] && break; sleep 0.05; done
  [ -s "$WORK_DIR/port" ] || die "fixture server did not start: $(tail -n 5 "$WORK_DIR/server.log")"
  # shellcheck disable=SC2034  # read by the driver
  SERVER_BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")"
}

# bench_migrate: the environment every measured program shares (assets stored under
# WORK_DIR/assets, warnings only), run from WORK_DIR, and the catalog schema.
bench_migrate() {
  export ASSET_DIR="$WORK_DIR/assets" LOG_LEVEL=warn JOB_HEARTBEAT_INTERVAL=15s
  unset CLOUDFLARE_R2_ENDPOINT CLOUDFLARE_R2_ACCESS_KEY_ID CLOUDFLARE_R2_SECRET_ACCESS_KEY CLOUDFLARE_R2_BUCKET
  cd "$WORK_DIR"
  "$BIN/pipeline-jobs" migrate >/dev/null
}

# measure PROGRAM [ARGS...]: runs it under measure-run (its output goes to WORK_DIR/runs.log)
# and prints measure-run's JSON line {"exit", "wall_ms", "max_rss_kb"}.
measure() { "$BIN/measure-run" "$@" 2>>"$WORK_DIR/runs.log" | tail -n 1; }
# field JSON KEY: one value of a JSON object.
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
# median NUMBER...: the median (mean of the middle two for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# bench_timed_run MS_ARRAY RSS_VAR PROGRAM [ARGS...]: one measured run of $BIN/PROGRAM;
# stops the benchmark when it fails, else appends its wall time (ms) to the array named
# MS_ARRAY and raises the variable named RSS_VAR to its peak RSS (KiB) if that is higher.
# (Locals carry a bench_ prefix so that they cannot hide the caller's variables.)
bench_timed_run() {
  local -n bench_ms_="$1" bench_rss_="$2"
  local bench_program_="$3" bench_result_ bench_peak_
  shift 3
  bench_result_="$(measure "$BIN/$bench_program_" "$@")"
  [ "$(field "$bench_result_" exit)" = 0 ] || die "$bench_program_ failed: $(tail -n 5 "$WORK_DIR/runs.log")"
  bench_ms_+=("$(field "$bench_result_" wall_ms)")
  bench_peak_="$(field "$bench_result_" max_rss_kb)"
  if [ "$bench_peak_" -gt "$bench_rss_" ]; then bench_rss_=$bench_peak_; fi
}

# clear_assets: forgets every stored asset (rows and files), so the next segment run
# fetches and stores everything again.
clear_assets() {
  "${PSQL[@]}" -c "DELETE FROM segment_assets; DELETE FROM assets;"
  rm -rf "$ASSET_DIR"
}

# bench_segment_runs MS_ARRAY RSS_VAR STORED PROGRAM [ARGS...]: RUNS measured runs of a
# program that stores assets, each after clear_assets (timings as for bench_timed_run);
# stops the benchmark unless the runs leave exactly STORED assets.
bench_segment_runs() {
  local bench_ms_array_="$1" bench_rss_var_="$2" bench_expected_="$3" bench_stored_
  shift 3
  for _ in $(seq "$RUNS"); do
    clear_assets
    bench_timed_run "$bench_ms_array_" "$bench_rss_var_" "$@"
  done
  bench_stored_="$("${PSQL[@]}" -c "SELECT count(*) FROM assets")"
  [ "$bench_stored_" = "$bench_expected_" ] || die "$1: expected $bench_expected_ stored assets, found $bench_stored_"
}

# pg_log_size: the current size of the server log in bytes (an offset for statements_since).
pg_log_size() { stat -c %s "$PG_LOG"; }
# statements_since OFFSET: SQL statements the server logged after byte OFFSET of its log
# (simple and extended protocol; needs log_statement = 'all').
statements_since() { tail -c +"$(( $1 + 1 ))" "$PG_LOG" | grep -cE 'LOG:  (statement|execute [^:]*):' || true; }
