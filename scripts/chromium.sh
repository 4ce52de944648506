#!/usr/bin/env bash
# Prints the path of Debian's Chromium, installing the package first when it is missing (the pay page's browser
# tests drive it; no browser is downloaded by a test library). Set ORDERSILO_CHROMIUM to use another build.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "chromium.sh: error: $*" >&2; exit 1; }
note() { echo "chromium.sh: $*" >&2; }
# shellcheck source=lib/apt.sh
source "$SCRIPT_DIR/lib/apt.sh"

if [[ -n "${ORDERSILO_CHROMIUM:-}" ]]; then
    [[ -x "$ORDERSILO_CHROMIUM" ]] || die "ORDERSILO_CHROMIUM=$ORDERSILO_CHROMIUM is not an executable"
    echo "$ORDERSILO_CHROMIUM"; exit 0
fi
[[ -x /usr/bin/chromium ]] || apt_install chromium
[[ -x /usr/bin/chromium ]] || die "the chromium package did not install /usr/bin/chromium"
echo /usr/bin/chromium
