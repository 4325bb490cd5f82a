# Shared shell helpers for scripts/{setup,test,demo,dev-db}. Source, do not run.
# Everything here is idempotent: it does nothing that is already done.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"

DEBIAN_PACKAGES=(
  build-essential cmake pkg-config
  libcurl4-openssl-dev libssl-dev libgumbo-dev libpqxx-dev nlohmann-json3-dev libcli11-dev
  libcpp-httplib-dev libbrotli-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-contrib python3
)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Install the Debian packages that are missing (needs root or sudo the first time).
ensure_packages() {
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  }
}

# Configure (once) and build everything. CMAKE_ARGS="-DNAME=VALUE ..." adds cmake cache
# settings (configuring again when the build directory exists; the cache keeps them).
build() {
  local cmake_args=()
  read -r -a cmake_args <<<"${CMAKE_ARGS:-}"
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    say "configuring in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "${cmake_args[@]}" >/dev/null
  elif [ ${#cmake_args[@]} -gt 0 ]; then
    say "configuring in $BUILD_DIR with ${cmake_args[*]}"
    cmake -S "$ROOT" -B "$BUILD_DIR" "${cmake_args[@]}" >/dev/null
  fi
  say "building"
  local targets=()
  # BUILD_TARGETS="a b" builds only those targets (handy while one module is in flux).
  for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
  # With pipefail the pipeline fails when cmake does, whatever the filter finds.
  cmake --build "$BUILD_DIR" -j "$JOBS" "${targets[@]}" -- --no-print-directory 2>&1 \
    | { grep -vE '^\[ *[0-9]+%\] (Building|Linking)|^\[ *[0-9]+%\] Built target|^Consolidate|^Scanning' || true; } \
    || die "build failed"
}

pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] || die "PostgreSQL server binaries not found (package postgresql)"
  echo "$dir"
}

# Run a PostgreSQL server command as the postgres user when we are root (initdb refuses root).
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT: initialise (once) and start a throwaway cluster whose unix socket
# lives in DIR. Reuses a running server. Prints nothing on success.
pg_start() {
  local dir="$1" port="$2" bin
  bin="$(pg_bindir)"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
  fi
  if as_pg_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then return 0; fi
  as_pg_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start (log: $dir/server.log)"; }
}

pg_stop() {
  local dir="$1" bin
  bin="$(pg_bindir)"
  [ -f "$dir/data/PG_VERSION" ] || return 0
  as_pg_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_ctl_command: the command line (absolute paths, words separated by spaces) that runs
# pg_ctl as the cluster's owner, for tests that stop and start the cluster (TEST_PG_CTL).
pg_ctl_command() {
  if [ "$(id -u)" -eq 0 ]; then echo "$(command -v runuser) -u postgres -- $(pg_bindir)/pg_ctl"; else echo "$(pg_bindir)/pg_ctl"; fi
}

pg_conninfo() { echo "host=$1 port=$2 user=postgres dbname=${3:-postgres}"; }
