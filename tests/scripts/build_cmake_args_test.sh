#!/usr/bin/env bash
# build_cmake_args_test.sh LIB_SH — scripts/lib.sh's build() hands CMAKE_ARGS to cmake:
# on the first configure (with the build type) and, once a build directory exists, by
# configuring again; without CMAKE_ARGS an existing build directory is not reconfigured.
# A stub cmake on the PATH records its arguments.
set -euo pipefail
lib="$1"
work="$(mktemp -d /tmp/scrapers-build-args-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/stub"
cat >"$work/stub/cmake" <<'STUB'
#!/usr/bin/env bash
echo "$*" >>"$CMAKE_CALLS"
if [ "$1" = -S ]; then mkdir -p "$4" && touch "$4/CMakeCache.txt"; fi
STUB
chmod +x "$work/stub/cmake"

fail() { printf 'FAIL: %s\n--- cmake calls:\n' "$*"; cat "$CMAKE_CALLS"; exit 1; }
unset CMAKE_ARGS BUILD_TARGETS BUILD_TYPE  # .ci/run exports CMAKE_ARGS to the whole run
export CMAKE_CALLS="$work/calls" PATH="$work/stub:$PATH" BUILD_DIR="$work/build"
source "$lib"

CMAKE_ARGS="-DSCRAPERS_WARNINGS_AS_ERRORS=ON -DFOO=bar" build 2>/dev/null
grep -q -- "-S .* -B $BUILD_DIR -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRAPERS_WARNINGS_AS_ERRORS=ON -DFOO=bar\$" "$CMAKE_CALLS" \
  || fail "first configure did not get CMAKE_ARGS"

: >"$CMAKE_CALLS"
build 2>/dev/null
grep -q -- "^-S" "$CMAKE_CALLS" && fail "configured again without CMAKE_ARGS"
grep -q -- "^--build $BUILD_DIR" "$CMAKE_CALLS" || fail "did not build"

: >"$CMAKE_CALLS"
CMAKE_ARGS="-DSCRAPERS_WARNINGS_AS_ERRORS=ON" build 2>/dev/null
grep -q -- "^-S .* -B $BUILD_DIR -DSCRAPERS_WARNINGS_AS_ERRORS=ON\$" "$CMAKE_CALLS" \
  || fail "existing build directory not reconfigured with CMAKE_ARGS"
echo "build() passed CMAKE_ARGS to cmake"
