#!/usr/bin/env bash
# Configures (once) and builds Lijian into build/ with Ninja and ccache; warnings are errors.
#   scripts/build.sh [extra ninja targets...]
# BUILD_TYPE (default Release) and BUILD_DIR (default build) may be set in the environment.
# Then builds the web application into web/dist (type check + Vite) when its sources changed;
# LIJIAN_SKIP_WEB=1 skips that (web/node_modules comes from scripts/install-deps.sh).
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

# The web app: rebuilt only when a file under web/ (sources, lock file) is newer than web/dist.
if [[ -z "${LIJIAN_SKIP_WEB:-}" && -d web/node_modules ]]; then
  if [[ ! -f web/dist/index.html ]] ||
     [[ -n "$(find web/src web/scripts web/index.html web/package-lock.json web/vite.config.ts \
              -newer web/dist/index.html -print -quit)" ]]; then
    (cd web && npm run --silent build)
  fi
fi
