#!/usr/bin/env bash
# Run OrderSilo locally: PostgreSQL, N silos and the API host, until Ctrl-C.
#
#   ./run.sh [--silos N] [--apis N] [--no-build] [--help]
#
# Once everything is up, run.sh supervises: a silo or API host that stops (kill -TERM <pid> for a graceful stop,
# kill -9 for a crash) is started again on the same ports, so a rolling restart is one `kill -TERM` at a time.
#
# PostgreSQL: $ORDERSILO_PG (an Npgsql connection string) if set, else a private server started here
# (data in .ordersilo/pg, or /var/tmp/ordersilo-pg-<hash> when the postgres user cannot reach the checkout;
# port $ORDERSILO_PG_PORT, default 54329). The sql/ schema is applied on every start (only new or changed files).
#
# Environment (all optional):
#   ORDERSILO_PG                     external PostgreSQL (Npgsql connection string); run.sh then never starts or stops one
#   ORDERSILO_PG_PORT                port of the private PostgreSQL (54329)
#   ORDERSILO_HTTP_PORT              API port (5080); API host j listens on ORDERSILO_HTTP_PORT+j
#   ASPNETCORE_URLS                  unset: http://127.0.0.1:<port>; set (one API host only): used as is; set empty: not passed
#   ORDERSILO_ADMIN_CLIENT_ID/_SECRET, ORDERSILO_DEMO_CLIENT_ID/_SECRET
#                                    credentials; generated once and kept in .ordersilo/credentials.env when unset
#   Auth__SigningKey (or ORDERSILO_SIGNING_KEY)
#                                    token signing key; generated once and kept in .ordersilo/signing.key when unset
#   OrderSilo__PayPage__BaseUrl      where buyers reach the API (pay page links); http://127.0.0.1:<API port>
#   Orleans__AdvertisedIP            the address silos advertise and bind (127.0.0.1: other machines cannot reach them)
#   Orleans__Tls__CertificatePath/_KeyPath
#                                    the cluster certificate (PEM); made once in .ordersilo/tls when unset
#   Orleans__Tls__Disabled=true      plaintext Orleans connections: development only (docs/security.md)
#   ORDERSILO_START_TIMEOUT          seconds to wait for /health/ready (120)
# Silo i listens on 11111+i (silo), 30000+i (gateway) and 9464+i (GET /metrics, /health/live). Every setting of
# the hosts is in docs/configuration.md.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
STATE="$REPO/.ordersilo"
LOGS="$STATE/logs"
PG_SH="$REPO/scripts/pg.sh"

SILOS=1
APIS=1
BUILD=1
usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case "$1" in
        --silos) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { echo "--silos needs a number >= 1" >&2; exit 2; }
                 SILOS="$2"; shift 2 ;;
        --silos=*) SILOS="${1#*=}"; [[ "$SILOS" =~ ^[1-9][0-9]*$ ]] || { echo "--silos needs a number >= 1" >&2; exit 2; }
                   shift ;;
        --apis) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { echo "--apis needs a number >= 1" >&2; exit 2; }
                APIS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

HTTP_PORT="${ORDERSILO_HTTP_PORT:-5080}"
PG_PORT="${ORDERSILO_PG_PORT:-54329}"
START_TIMEOUT="${ORDERSILO_START_TIMEOUT:-120}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "run.sh: $*"; }
die() { echo "run.sh: error: $*" >&2; exit 1; }

# .ordersilo must stay traversable (0755) so that the postgres user can reach .ordersilo/pg; the secrets in it
# are files of mode 600.
mkdir -p "$STATE" "$LOGS"
chmod 0755 "$STATE"
# Files created from here on (credentials, logs) are private to the user.
umask 077

# ---------------------------------------------------------------- cleanup, in reverse order of start
API_PIDS=()
SILO_PIDS=()
READY=0
PG_DIR=""        # set only when this run started the private server: only then do we stop it
CLEANED=0

alive() {
    local pid="$1" state
    kill -0 "$pid" 2>/dev/null || return 1
    state="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)"
    [[ "$state" != Z ]]
}

# SIGTERM (the hosts shut down gracefully on it), wait up to 30 s, then SIGKILL.
stop_pids() {
    local pids=() pid i
    for pid in "$@"; do [[ -n "$pid" ]] && alive "$pid" && pids+=("$pid"); done
    ((${#pids[@]})) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        local any=0
        for pid in "${pids[@]}"; do alive "$pid" && any=1; done
        ((any)) || break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do
        if alive "$pid"; then echo "run.sh: pid $pid did not stop in 30 s: SIGKILL" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
        wait "$pid" 2>/dev/null || true
    done
}

cleanup() {
    local rc=$?
    ((CLEANED)) && return
    CLEANED=1
    trap '' INT TERM    # a second Ctrl-C must not leave silos or PostgreSQL behind half-stopped
    if ((${#API_PIDS[@]})); then say "stopping ${#API_PIDS[@]} API host(s)"; stop_pids "${API_PIDS[@]}"; fi
    if ((${#SILO_PIDS[@]})); then say "stopping ${#SILO_PIDS[@]} silo(s)"; stop_pids "${SILO_PIDS[@]}"; fi
    if [[ -n "$PG_DIR" ]]; then say "stopping PostgreSQL"; "$PG_SH" stop "$PG_DIR" || true; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'echo; exit 0' INT TERM    # Ctrl-C / SIGTERM: a normal stop; the EXIT trap cleans up

show_logs() {
    local f
    for f in "$@"; do
        [[ -s "$f" ]] || continue
        echo "---- tail of ${f#"$REPO"/} ----" >&2
        tail -n 40 "$f" >&2
    done
}

# Something listens on 127.0.0.1:PORT?
port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# HTTP status of a GET, with curl, or bash /dev/tcp on a machine without curl.
http_status() {
    local host="$1" port="$2" path="$3"
    if command -v curl >/dev/null; then
        curl -s -o /dev/null -m 5 -w '%{http_code}' "http://$host:$port$path" || true
    else
        # shellcheck disable=SC2016  # expanded by the inner bash
        timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 0
            printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$2" "$0" >&3
            IFS=" " read -r _ code _ <&3 && echo "$code"' "$host" "$port" "$path" 2>/dev/null || true
    fi
}

# ---------------------------------------------------------------- PostgreSQL
if [[ -n "${ORDERSILO_PG:-}" ]]; then
    CONN="$ORDERSILO_PG"
    say "PostgreSQL: external (\$ORDERSILO_PG)"
    SCHEMA_TARGET="$CONN"
else
    dir="$STATE/pg"
    if ! "$PG_SH" reachable "$dir"; then
        # e.g. a checkout under /root or inside a 0700 temporary folder
        dir="/var/tmp/ordersilo-pg-$(printf '%s' "$REPO" | sha256sum | cut -c1-10)"
        say "the postgres user cannot reach $STATE: PostgreSQL data goes to $dir"
    fi
    was_running=0
    "$PG_SH" status "$dir" >/dev/null 2>&1 && was_running=1
    "$PG_SH" start "$dir" "$PG_PORT"
    ((was_running)) || PG_DIR="$dir"
    say "PostgreSQL: private, data in $dir, 127.0.0.1:$PG_PORT$( ((was_running)) && echo ' (already running: left running on exit)')"
    CONN="$("$PG_SH" url "$dir" "$PG_PORT")"
    SCHEMA_TARGET="$dir"
fi
"$PG_SH" apply-schema "$SCHEMA_TARGET"

# ---------------------------------------------------------------- build
SLN=OrderSilo.sln
[[ -f "$SLN" || ! -f OrderSilo.slnx ]] || SLN=OrderSilo.slnx
if ((BUILD)); then
    say "building $SLN (Release) ..."
    dotnet build "$SLN" -c Release -nologo -v quiet -clp:ErrorsOnly >"$LOGS/build.log" 2>&1 \
        || { cat "$LOGS/build.log" >&2; die "build failed (full output: .ordersilo/logs/build.log)"; }
fi
SILO_DLL="$REPO/artifacts/bin/OrderSilo.Silo/release/OrderSilo.Silo.dll"
API_DLL="$REPO/artifacts/bin/OrderSilo.Api/release/OrderSilo.Api.dll"
[[ -f "$SILO_DLL" && -f "$API_DLL" ]] || die "build output missing: $SILO_DLL / $API_DLL"

# ---------------------------------------------------------------- credentials and signing key
rand_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }       # $1 bytes -> 2*$1 lowercase hex chars
rand_urlsafe() { head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }

CRED_FILE="$STATE/credentials.env"
# Value of KEY in the credentials file, or empty. Parsed, not sourced: the file is data.
cred_from_file() {
    if [[ -f "$CRED_FILE" ]]; then sed -n "s/^$1=//p" "$CRED_FILE" | tail -n 1; fi
}

# Environment first, then the file; generate and remember what is missing, so a re-run prints the same ones.
ensure_cred() {
    local key="$1" kind="$2" val
    val="${!key:-}"
    [[ -n "$val" ]] || val="$(cred_from_file "$key")"
    if [[ -z "$val" ]]; then
        case "$kind" in
            id) val="cli_$(rand_hex 10)" ;;
            secret) val="$(rand_urlsafe 32)" ;;     # 32 bytes -> 43 url-safe chars
        esac
        touch "$CRED_FILE"
        echo "$key=$val" >>"$CRED_FILE"
    fi
    chmod 600 "$CRED_FILE" 2>/dev/null || true
    printf -v "$key" '%s' "$val"
    export "${key?}"
}
ensure_cred ORDERSILO_ADMIN_CLIENT_ID id
ensure_cred ORDERSILO_ADMIN_CLIENT_SECRET secret
ensure_cred ORDERSILO_DEMO_CLIENT_ID id
ensure_cred ORDERSILO_DEMO_CLIENT_SECRET secret

KEY_FILE="$STATE/signing.key"
SIGNING_KEY="${Auth__SigningKey:-${ORDERSILO_SIGNING_KEY:-}}"
if [[ -z "$SIGNING_KEY" ]]; then
    [[ -s "$KEY_FILE" ]] || head -c 32 /dev/urandom | base64 -w0 >"$KEY_FILE"
    chmod 600 "$KEY_FILE"
    SIGNING_KEY="$(tr -d '\n' <"$KEY_FILE")"
fi

# ---------------------------------------------------------------- cluster certificate
# Silos and API hosts speak mutual TLS on the Orleans ports, with this one certificate (docs/security.md). Made
# once by the silo itself; the key file is private to the user. Orleans__Tls__Disabled=true: plaintext, for
# development only.
TLS_DIR="$STATE/tls"
dotnet "$SILO_DLL" create-cluster-certificate "$TLS_DIR" >/dev/null || die "could not create the cluster certificate in $TLS_DIR"
export Orleans__Tls__CertificatePath="${Orleans__Tls__CertificatePath:-$TLS_DIR/cluster.crt}"
export Orleans__Tls__KeyPath="${Orleans__Tls__KeyPath:-$TLS_DIR/cluster.key}"

# ---------------------------------------------------------------- ports
API_HOST=127.0.0.1
if [[ -z "${ASPNETCORE_URLS+set}" ]]; then
    URLS=""                          # each API host: http://127.0.0.1:<its port>
    OWN_URLS=1
else
    OWN_URLS=0
    ((APIS == 1)) || die "ASPNETCORE_URLS names one host's addresses: unset it to run --apis $APIS"
    URLS="$ASPNETCORE_URLS"          # the user's choice; empty = let the API host bind by ORDERSILO_HTTP_PORT
    if [[ -n "$URLS" ]]; then        # probe the first URL's port, through loopback
        first="${URLS%%;*}"; first="${first#*://}"; first="${first%%/*}"
        [[ "$first" == *:* ]] && HTTP_PORT="${first##*:}"
    fi
fi
busy=()
for ((i = 0; i < SILOS; i++)); do
    port_in_use $((11111 + i)) && busy+=($((11111 + i)))
    port_in_use $((30000 + i)) && busy+=($((30000 + i)))
    port_in_use $((9464 + i)) && busy+=($((9464 + i)))
done
for ((j = 0; j < APIS; j++)); do port_in_use $((HTTP_PORT + j)) && busy+=($((HTTP_PORT + j))); done
((${#busy[@]} == 0)) || die "port(s) ${busy[*]} already in use on 127.0.0.1 (another ./run.sh still running?)"

# ---------------------------------------------------------------- start silos, then the API hosts
# setsid: the processes get their own session, so Ctrl-C reaches only this script, which then stops them in
# order (API hosts first, so no request lands on a silo that is going away).
# The silos get the credentials too: whichever process seeds the operator and demo clients finds them.
start_silo() {
    local i=$1
    env ConnectionStrings__OrderSilo="$CONN" \
        Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) Orleans__AdvertisedIP="${Orleans__AdvertisedIP:-127.0.0.1}" \
        Metrics__Port=$((9464 + i)) \
        Auth__SigningKey="$SIGNING_KEY" \
        OrderSilo__PayPage__BaseUrl="${OrderSilo__PayPage__BaseUrl:-http://127.0.0.1:$HTTP_PORT}" \
        setsid dotnet "$SILO_DLL" </dev/null >>"$LOGS/silo-$i.log" 2>&1 &
    SILO_PIDS[i]=$!
    say "silo $i started (pid $!, silo port $((11111 + i)), gateway $((30000 + i)), metrics $((9464 + i)), log .ordersilo/logs/silo-$i.log)"
}

start_api() {
    local j=$1 port=$((HTTP_PORT + j)) urls="$URLS"
    ((OWN_URLS)) && urls="http://127.0.0.1:$port"
    local api_env=(ConnectionStrings__OrderSilo="$CONN" ORDERSILO_HTTP_PORT="$port" Auth__SigningKey="$SIGNING_KEY")
    if [[ -n "$urls" ]]; then api_env+=(ASPNETCORE_URLS="$urls"); fi
    env -u ASPNETCORE_URLS "${api_env[@]}" setsid dotnet "$API_DLL" </dev/null >>"$LOGS/api-$j.log" 2>&1 &
    API_PIDS[j]=$!
    say "API host $j started (pid $!, port $port, log .ordersilo/logs/api-$j.log)"
}

for ((i = 0; i < SILOS; i++)); do : >"$LOGS/silo-$i.log"; start_silo "$i"; done
LOG_FILES=()
for ((i = 0; i < SILOS; i++)); do LOG_FILES+=("$LOGS/silo-$i.log"); done

# Before everything is up, a process that dies is an error (show its log, stop). After, run.sh supervises: a
# process that stopped, gracefully or not, is started again on the same ports.
declare -A STARTED_AT=()
check_children() {
    local i pid rc
    for i in "${!SILO_PIDS[@]}"; do
        pid="${SILO_PIDS[$i]}"
        alive "$pid" && continue
        rc=0; wait "$pid" 2>/dev/null || rc=$?
        if ((READY)) && ((SECONDS - ${STARTED_AT[silo$i]:-0} > 10)); then
            say "silo $i (pid $pid) stopped with status $rc: starting it again"
            start_silo "$i"; STARTED_AT[silo$i]=$SECONDS
            continue
        fi
        show_logs "$LOGS/silo-$i.log"
        die "silo $i (pid $pid) exited unexpectedly with status $rc"
    done
    for i in "${!API_PIDS[@]}"; do
        pid="${API_PIDS[$i]}"
        alive "$pid" && continue
        rc=0; wait "$pid" 2>/dev/null || rc=$?
        if ((READY)) && ((SECONDS - ${STARTED_AT[api$i]:-0} > 10)); then
            say "API host $i (pid $pid) stopped with status $rc: starting it again"
            start_api "$i"; STARTED_AT[api$i]=$SECONDS
            continue
        fi
        show_logs "$LOGS/api-$i.log"
        die "API host $i (pid $pid) exited unexpectedly with status $rc"
    done
}

deadline=$((SECONDS + START_TIMEOUT))
# The API hosts connect to the silos' gateways: start them once each silo listens on its gateway port.
for ((i = 0; i < SILOS; i++)); do
    until port_in_use $((30000 + i)); do
        check_children
        ((SECONDS < deadline)) || { show_logs "${LOG_FILES[@]}"; die "silo $i did not open gateway port $((30000 + i)) within ${START_TIMEOUT} s"; }
        sleep 0.5
    done
done

for ((j = 0; j < APIS; j++)); do : >"$LOGS/api-$j.log"; start_api "$j"; LOG_FILES+=("$LOGS/api-$j.log"); done
say "waiting for /health/ready ..."
for ((j = 0; j < APIS; j++)); do
    until [[ "$(http_status "$API_HOST" $((HTTP_PORT + j)) /health/ready)" == 200 ]]; do
        check_children
        ((SECONDS < deadline)) || { show_logs "${LOG_FILES[@]}"; die "GET /health/ready of API host $j did not answer 200 within ${START_TIMEOUT} s"; }
        sleep 0.5
    done
done
READY=1

# ---------------------------------------------------------------- what to do with it
BASE="http://$API_HOST:$HTTP_PORT"
q() { printf '%q' "$1"; }    # shell-quote values for copy-paste
if command -v jq >/dev/null; then
    extract='jq -r .access_token'
else
    extract="sed -n 's/.*\"access_token\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p'"
fi
ORDER_BODY='{"poNumber":"demo-1","lineItems":[{"productId":"prd_demo_amazon_us","quantity":2,"denomination":"25.00"}]}'
# Secrets go to a terminal only: output that is captured (CI, nohup, a service's journal) is a log, and a log is
# no place for a secret. Elsewhere the session reads them from the owner-only credentials file.
if [[ -t 1 ]]; then
    ADMIN_SECRET_SHOWN="$ORDERSILO_ADMIN_CLIENT_SECRET"; DEMO_SECRET_SHOWN="$ORDERSILO_DEMO_CLIENT_SECRET"
    DEMO_AUTH="$(q "$ORDERSILO_DEMO_CLIENT_ID:$ORDERSILO_DEMO_CLIENT_SECRET")"
else
    ADMIN_SECRET_SHOWN="(in ${CRED_FILE#"$REPO"/})"; DEMO_SECRET_SHOWN="(in ${CRED_FILE#"$REPO"/})"
    DEMO_AUTH="\"$ORDERSILO_DEMO_CLIENT_ID:\$(sed -n 's/^ORDERSILO_DEMO_CLIENT_SECRET=//p' $(q "$CRED_FILE") | tail -n 1)\""
fi
cat <<EOF

OrderSilo is up: $SILOS silo(s), $APIS API host(s), PostgreSQL.
  API             $BASE$( ((APIS > 1)) && echo " (and the next $((APIS - 1)) port(s): put any load balancer in front)")
  API reference   $BASE/scalar/v1
  OpenAPI         $BASE/openapi/v1.json
  dashboard       $BASE/dashboard/login   (sign in with the admin client below)
  metrics         $BASE/metrics (admin token), silos: http://127.0.0.1:9464/metrics and up
  logs            .ordersilo/logs/   (JSON, one object a line)
  admin client    $ORDERSILO_ADMIN_CLIENT_ID   secret $ADMIN_SECRET_SHOWN   (scope admin)
  demo client     $ORDERSILO_DEMO_CLIENT_ID   secret $DEMO_SECRET_SHOWN   (scope orders)

Try it (demo tenant):
  TOKEN=\$(curl -s -u $DEMO_AUTH -d grant_type=client_credentials $BASE/oauth/token | $extract)
  curl -s -H "Authorization: Bearer \$TOKEN" $BASE/api/v1/products
  curl -si -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '$ORDER_BODY' $BASE/api/v1/orders
  # the same again: 200, the same order, header Idempotent-Replayed: true
  curl -si -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '$ORDER_BODY' $BASE/api/v1/orders
  curl -s -H "Authorization: Bearer \$TOKEN" $BASE/api/v1/orders/by-po/demo-1

Restart a silo or API host with kill -TERM <its pid> (run.sh starts it again); Ctrl-C stops everything.
EOF

# ---------------------------------------------------------------- wait
# sleep in the background + wait: a signal interrupts the wait at once and runs the trap.
while true; do
    sleep 1 &
    wait $! || true
    check_children
done
