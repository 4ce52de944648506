#!/usr/bin/env bash
# Benchmark OrderSilo on this machine, in one run: start the system with ./run.sh, measure, record, stop.
#
#   bench/run.sh [--no-build] [bench options...]
#
# Results are printed and appended, dated, to docs/benchmarks.md (see that page for what each figure means).
# Bench options pass through to OrderSilo.Bench, e.g. `bench/run.sh --seconds 5` (default 10 per step);
# `--no-build` is passed to ./run.sh: the system runs from the binaries already in artifacts/ (the bench itself
# is always built; it is quick).
#
# Environment (all optional):
#   SILOS                 silos to start (1: on a 2-core machine a second silo only adds processes and
#                         cross-silo hops; SILOS=2 measures that)
#   ORDERSILO_HTTP_PORT   API port (5080)
#   ORDERSILO_PG          external PostgreSQL (Npgsql connection string); else ./run.sh's private one on
#   ORDERSILO_PG_PORT     (54329)
#   BENCH_READY_TIMEOUT   seconds to wait for GET /health/ready (180)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

BUILD=1
BENCH_ARGS=()
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) BENCH_ARGS+=("$arg") ;;
    esac
done

SILOS="${SILOS:-1}"
# The bench drives all its load through one API client: lift the per-client rate limit, which would otherwise
# measure the limiter rather than the system.
export RateLimits__PermitsPerSecond="${RateLimits__PermitsPerSecond:-1000000}" RateLimits__Burst="${RateLimits__Burst:-1000000}"
# The webhook step's receiver runs in the bench, on loopback: let the silos deliver there.
export OrderSilo__Webhooks__AllowLocalUrls="${OrderSilo__Webhooks__AllowLocalUrls:-true}"
HTTP_PORT="${ORDERSILO_HTTP_PORT:-5080}"
PG_PORT="${ORDERSILO_PG_PORT:-54329}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
URL="http://127.0.0.1:$HTTP_PORT"
BENCH_DLL="$REPO/artifacts/bin/OrderSilo.Bench/release/OrderSilo.Bench.dll"
LOG_DIR="$REPO/artifacts/bench"
RUN_LOG="$LOG_DIR/run-sh.log"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "bench/run.sh: $*"; }
die() { echo "bench/run.sh: error: $*" >&2; exit 1; }

command -v curl >/dev/null || die "curl is needed to wait for /health/ready"
[[ -x ./run.sh ]] || die "./run.sh is missing or not executable"

say "building the bench (Release) ..."
dotnet build bench/OrderSilo.Bench -c Release -nologo -v quiet -clp:ErrorsOnly \
    || die "building bench/OrderSilo.Bench failed"
[[ -f "$BENCH_DLL" ]] || die "$BENCH_DLL is missing after the build"

# An operator client of our own for this run: ./run.sh takes it from the environment and provisions it.
rand_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
ORDERSILO_ADMIN_CLIENT_ID="cli_$(rand_hex 10)"
ORDERSILO_ADMIN_CLIENT_SECRET="$(rand_hex 24)"
export ORDERSILO_ADMIN_CLIENT_ID ORDERSILO_ADMIN_CLIENT_SECRET ORDERSILO_HTTP_PORT="$HTTP_PORT"

# ---------------------------------------------------------------- start the system, stop it on any exit
SYSTEM_PID=""
stop_system() {
    [[ -n "$SYSTEM_PID" ]] || return 0
    local pid="$SYSTEM_PID" i
    SYSTEM_PID=""
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    say "stopping the system (SIGTERM to ./run.sh, pid $pid) ..."
    kill -TERM "$pid" 2>/dev/null || true
    # ./run.sh gives each of its processes 30 s to stop before it kills them.
    for ((i = 0; i < 1200; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "./run.sh did not stop in 120 s: SIGKILL to its process group"
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
trap stop_system EXIT
trap 'echo; exit 130' INT TERM

mkdir -p "$LOG_DIR"
(umask 077 && : >"$RUN_LOG")    # ./run.sh prints the credentials it uses
RUN_ARGS=(--silos "$SILOS")
((BUILD)) || RUN_ARGS+=(--no-build)
say "starting ./run.sh ${RUN_ARGS[*]} (output in ${RUN_LOG#"$REPO"/}) ..."
# setsid: its own process group, so a Ctrl-C here reaches only this script, which stops ./run.sh in order.
ORDERSILO_START_TIMEOUT="$READY_TIMEOUT" setsid ./run.sh "${RUN_ARGS[@]}" </dev/null >"$RUN_LOG" 2>&1 &
SYSTEM_PID=$!

deadline=$((SECONDS + READY_TIMEOUT))
until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$URL/health/ready" || true)" == 200 ]]; do
    if ! kill -0 "$SYSTEM_PID" 2>/dev/null; then
        rc=0; wait "$SYSTEM_PID" || rc=$?
        SYSTEM_PID=""
        tail -n 60 "$RUN_LOG" >&2
        die "./run.sh exited with status $rc before $URL/health/ready answered 200 (full output: ${RUN_LOG#"$REPO"/})"
    fi
    if ((SECONDS >= deadline)); then
        tail -n 60 "$RUN_LOG" >&2
        die "$URL/health/ready did not answer 200 within $READY_TIMEOUT s (full output: ${RUN_LOG#"$REPO"/})"
    fi
    sleep 1
done
say "the system is ready ($SILOS silo(s), $URL)"

# ---------------------------------------------------------------- run the bench
if [[ -n "${ORDERSILO_PG:-}" ]]; then
    PG="$ORDERSILO_PG"
else
    # The private server's superuser is the OS user it runs as: postgres when run as root, else the caller.
    PG_USER="$(scripts/pg.sh user 2>/dev/null || echo postgres)"
    PG="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Database=ordersilo"
fi
# Arguments stay out of the label: they may hold a password or secret, and the step length is recorded anyway.
LABEL="bench/run.sh with $SILOS silo(s) and 1 API host started by ./run.sh"
if COMMIT="$(git rev-parse --short HEAD 2>/dev/null)"; then
    LABEL="$LABEL; commit $COMMIT$([[ -z "$(git status --porcelain 2>/dev/null)" ]] || echo ' with local changes')"
fi

rc=0
dotnet "$BENCH_DLL" --url "$URL" --pg "$PG" \
    --admin-id "$ORDERSILO_ADMIN_CLIENT_ID" --admin-secret "$ORDERSILO_ADMIN_CLIENT_SECRET" \
    --out docs/benchmarks.md --label "$LABEL" "${BENCH_ARGS[@]}" || rc=$?

stop_system
((rc == 0)) || die "the bench failed (status $rc); ./run.sh output: ${RUN_LOG#"$REPO"/}"
say "done"
