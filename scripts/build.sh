#!/usr/bin/env bash
# Configures (once) and builds Lijian into build/ with Ninja and ccache; warnings are errors.
#   scripts/build.sh [extra ninja targets...]
# BUILD_TYPE (default Release) and BUILD_DIR (default build) may be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
build_type="${BUILD_TYPE:-Release}"
if [[ ! -f "$build_dir/build.ninja" ]] ||
   ! grep -q "CMAKE_BUILD_TYPE:STRING=$build_type" "$build_dir/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DLIJIAN_WERROR=ON \
    ${CMAKE_EXTRA_ARGS:-}
fi
ninja -C "$build_dir" "$@"
