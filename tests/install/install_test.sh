#!/usr/bin/env bash
# install_test.sh MODE CMAKE BUILD_DIR VERSION — installs BUILD_DIR into a temporary
# prefix with `CMAKE --install`, then
#   programs: checks that the prefix holds exactly the seven programs in bin/ and that
#             each one run from there prints VERSION for --version and exits 0 for --help;
#   migrate:  runs the installed pipeline-jobs migrate on a fresh database (needs
#             TEST_DATABASE_ADMIN_URL; exits 77, "skipped", without it), which shows the
#             migrations are inside the program rather than read from the source tree.
set -euo pipefail
mode="$1" cmake="$2" build_dir="$3" version="$4"
expected=(bulk-download-subtitles chereads-segment chereads-work opensubtitles-work
          pipeline-jobs readnovel-api readnovel-segment)

fail() { printf 'FAIL: %s\n' "$*"; exit 1; }

if [ "$mode" = migrate ] && [ -z "${TEST_DATABASE_ADMIN_URL:-}" ]; then
  echo "TEST_DATABASE_ADMIN_URL is not set (scripts/test sets it)"
  exit 77
fi

work="$(mktemp -d /tmp/scrapers-install-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
"$cmake" --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "cmake --install failed"; }

# The installed programs run from an empty directory with no .env and no path into
# the source or build tree.
mkdir "$work/cwd"
cd "$work/cwd"
run() { env -u SCRAPERS_BINARY_DIR -u DATABASE_URL "$@"; }

if [ "$mode" = programs ]; then
  actual="$(cd "$prefix" && find . \( -type f -o -type l \) | sort | tr '\n' ' ')"
  want="$(printf './bin/%s\n' "${expected[@]}" | sort | tr '\n' ' ')"
  [ "$actual" = "$want" ] || fail "installed files: $actual; expected: $want"
  for program in "${expected[@]}"; do
    out="$(run "$prefix/bin/$program" --version 2>&1)" || fail "$program --version exited $?: $out"
    case "$out" in *"$version"*) ;; *) fail "$program --version printed '$out', not version $version" ;; esac
    out="$(run "$prefix/bin/$program" --help 2>&1)" || fail "$program --help exited $?: $out"
    [ -n "$out" ] || fail "$program --help printed nothing"
  done
  echo "installed and ran: ${expected[*]}"
  exit 0
fi

[ "$mode" = migrate ] || fail "unknown mode $mode"
psql=(psql -X -q -At -v ON_ERROR_STOP=1)
db="install_test_$$_$RANDOM"
"${psql[@]}" "$TEST_DATABASE_ADMIN_URL" -c "CREATE DATABASE $db" || fail "cannot create database $db"
trap '"${psql[@]}" "$TEST_DATABASE_ADMIN_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$work"' EXIT
url="$TEST_DATABASE_ADMIN_URL dbname=$db"
run DATABASE_URL="$url" "$prefix/bin/pipeline-jobs" migrate || fail "installed pipeline-jobs migrate failed"
tables="$("${psql[@]}" "$url" -c "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('pipeline_jobs', 'works', 'editions', 'segments', 'assets')")"
[ "$tables" = 5 ] || fail "after migrate, $tables of the 5 core tables exist"
echo "installed pipeline-jobs migrated database $db"
