#!/usr/bin/env bash
# Run the whole test suite against a throw-away PostgreSQL.
#
#   ./test.sh [extra dotnet test args...]        e.g. ./test.sh --filter-class "*OrderTests"
#
# Starts a private PostgreSQL in a fresh /tmp/ordersilo-pg.XXXXXX on a free port (55000 and up), exports
#   ORDERSILO_TEST_PG   Host=127.0.0.1;Port=P;Username=postgres   (no Database: tests create their own)
#   ORDERSILO_SQL_DIR   the repo's sql/ folder (unless already set)
#   ORDERSILO_CHROMIUM  Debian's Chromium for the browser tests (scripts/chromium.sh installs it when missing)
# runs `dotnet test` on the solution (Microsoft.Testing.Platform, see global.json) with xunit's TRX report, prints
# the totals as the last line
#   tests: N passed, N failed, N skipped
# and exits non-zero if a test failed, dotnet test failed, or no test ran. The server and its data are always
# removed at exit. Works without a terminal (CI=true, no stdin).
#   ORDERSILO_TEST_RESULTS   where the .trx files go (artifacts/test-results; emptied first)
#   ORDERSILO_TEST_TIMEOUT   stop a test run that takes longer than this (20m; "0" disables)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
PG_SH="$REPO/scripts/pg.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "test.sh: $*"; }

# ---------------------------------------------------------------- private PostgreSQL, removed on exit
PG_DIR=""
TEST_PID=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    local rc=$?
    trap '' INT TERM
    # Interrupted during dotnet test: stop it (and its test hosts) before the database goes away.
    if [[ -n "$TEST_PID" ]] && kill -0 "$TEST_PID" 2>/dev/null; then
        kill -TERM -- "-$TEST_PID" 2>/dev/null || true
        for _ in {1..100}; do kill -0 "$TEST_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$TEST_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_DIR" ]]; then
        "$PG_SH" stop "$PG_DIR" >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Another test.sh may grab the same free port between probe and start: try a few ports.
started=0
port=55000
for attempt in 1 2 3 4 5; do
    port="$("$PG_SH" free-port "$port")"
    # /tmp is world-traversable: the postgres user can reach this even when the checkout (CI's 0700 mktemp) is not.
    PG_DIR="$(mktemp -d /tmp/ordersilo-pg.XXXXXX)"
    if "$PG_SH" start "$PG_DIR" "$port"; then started=1; break; fi
    say "could not start PostgreSQL on port $port (attempt $attempt)"
    "$PG_SH" stop "$PG_DIR" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"; PG_DIR=""
    port=$((port + 1))
done
((started)) || { echo "test.sh: error: no PostgreSQL for the tests" >&2; exit 1; }

pg_superuser="$("$PG_SH" user)"
export ORDERSILO_TEST_PG="Host=127.0.0.1;Port=$port;Username=$pg_superuser"
export ORDERSILO_SQL_DIR="${ORDERSILO_SQL_DIR:-$REPO/sql}"
say "ORDERSILO_TEST_PG=$ORDERSILO_TEST_PG"

# ---------------------------------------------------------------- a browser for the pay page tests
ORDERSILO_CHROMIUM="$("$REPO/scripts/chromium.sh")"
export ORDERSILO_CHROMIUM
say "ORDERSILO_CHROMIUM=$ORDERSILO_CHROMIUM"

# ---------------------------------------------------------------- dotnet test
SLN=OrderSilo.sln
[[ -f "$SLN" || ! -f OrderSilo.slnx ]] || SLN=OrderSilo.slnx
RESULTS="${ORDERSILO_TEST_RESULTS:-$REPO/artifacts/test-results}"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

timeout=()
if [[ "${ORDERSILO_TEST_TIMEOUT:-20m}" != 0 ]]; then
    # A deadlocked test would otherwise run into CI's overall time limit.
    timeout=(--timeout "${ORDERSILO_TEST_TIMEOUT:-20m}")
fi

# In the background in its own process group, so that a signal to this script is handled at once (bash defers
# traps while a foreground command runs) and reaches dotnet test and all its test hosts.
rc=0
# Exit code 8 is "a test assembly ran zero tests", which a filter makes normal; a run where no test at all ran is
# caught below from the counts.
# Its output is kept as well: the run summary it closes with is what the totals are read from.
LOG="$RESULTS/dotnet-test.log"
LOG="$LOG" setsid bash -c 'dotnet test "$@" 2>&1 | tee "$LOG"; exit "${PIPESTATUS[0]}"' dotnet-test \
    --solution "$SLN" -c Release --no-progress --report-xunit-trx --results-directory "$RESULTS" \
    --ignore-exit-code 8 "${timeout[@]}" "$@" </dev/null &
TEST_PID=$!
wait "$TEST_PID" || rc=$?
TEST_PID=""

# ---------------------------------------------------------------- totals
# From the summary dotnet test closes with ("total: N", "failed: N", "succeeded: N", "skipped: N"). Not from the
# .trx files alone: two test assemblies finishing within the same microsecond write one .trx name, and the later
# overwrites the earlier (seen once: 284 of 711 tests counted). The .trx files are the fallback when a run was
# cut short before its summary. awk, not python3: a fresh machine may not have python3.
summary="$(awk '
    /^Test run summary:/ { seen = 1; failed = passed = skipped = 0 }
    seen && /^[ \t]*failed: [0-9]+/    { failed = $2 }
    seen && /^[ \t]*succeeded: [0-9]+/ { passed = $2 }
    seen && /^[ \t]*skipped: [0-9]+/   { skipped = $2 }
    END { if (seen) printf "%d %d %d\n", passed, failed, skipped }' "$LOG" 2>/dev/null)"
# Each .trx has one <Counters total=.. executed=.. passed=.. failed=.. error=.. timeout=.. aborted=.. />; a skipped
# test is counted in total but not in executed (its notExecuted counter stays 0 with xunit).
# xunit writes each .trx on one line: pull every <Counters .../> out onto a line of its own first.
[[ -n "$summary" ]] || summary="$(find "$RESULTS" -name '*.trx' -type f -print0 | xargs -0 -r grep -ho '<Counters[^>]*>' | awk '
    function attr(s, name,   m) {
        if (match(s, name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
        return 0
    }
    /<Counters[ \t]/ {
        passed  += attr($0, " passed")
        failed  += attr($0, " failed") + attr($0, " error") + attr($0, " timeout") + attr($0, " aborted")
        skip = attr($0, " total") - attr($0, " executed")
        skipped += (skip > attr($0, " notExecuted") ? skip : attr($0, " notExecuted"))
    }
    END { printf "%d %d %d\n", passed, failed, skipped }')"
read -r passed failed skipped <<<"$summary"

if ((rc != 0)); then say "dotnet test exited with status $rc"; fi
if ((passed + failed == 0)); then say "no test ran"; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if ((rc != 0 || failed > 0 || passed + failed == 0)); then exit 1; fi
exit 0
