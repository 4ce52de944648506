#!/usr/bin/env bash
# A private PostgreSQL server for development and tests (no Docker, no system service).
#
#   scripts/pg.sh start DIR PORT          install PostgreSQL if missing, initdb DIR if needed, start, create db "ordersilo"
#   scripts/pg.sh stop DIR                stop the server of DIR (fine if it is not running)
#   scripts/pg.sh status DIR              print running/stopped; exit 0 if running, 3 if not
#   scripts/pg.sh url DIR PORT            print the Npgsql connection string of that server
#   scripts/pg.sh apply-schema TARGET [SQL_DIR]
#                                         apply SQL_DIR/*.sql (default: $ORDERSILO_SQL_DIR, else sql/) in name order;
#                                         TARGET is an Npgsql connection string or a DIR given to "start"
# Helpers used by run.sh and test.sh:
#   scripts/pg.sh user                    print the OS user the server runs as (= its superuser name)
#   scripts/pg.sh reachable DIR           exit 0 if that user can reach DIR (or, if DIR does not exist, its parent)
#   scripts/pg.sh free-port [FROM]        print the first TCP port >= FROM (default 55000) nobody listens on
#   scripts/pg.sh psql TARGET [ARGS...]   run psql against TARGET (connection string or DIR)
#
# Layout of DIR: DIR/data (the cluster), DIR/log/postgresql.log, DIR/sock (unix socket).
# PostgreSQL refuses to run as root, so as root everything server-side runs as user "postgres" (from the Debian
# package) or, if that does not exist, a system user "ordersilo"; as any other user it runs as that user.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DB_NAME=ordersilo

die() { echo "pg.sh: error: $*" >&2; exit 1; }
note() { echo "pg.sh: $*" >&2; }

# shellcheck source=lib/apt.sh
source "$SCRIPT_DIR/lib/apt.sh"

# Newest /usr/lib/postgresql/N/bin that has a server (initdb), or empty.
find_server_bin() {
    if [[ -n "${ORDERSILO_PG_BIN:-}" ]]; then echo "$ORDERSILO_PG_BIN"; return; fi
    local d best=""
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/postgres" ]] && best="$d"
    done
    # Prefer 15 (the version this project is tested with) when several are installed.
    [[ -x /usr/lib/postgresql/15/bin/initdb ]] && best=/usr/lib/postgresql/15/bin
    echo "$best"
}

ensure_server() {
    PGBIN="$(find_server_bin)"
    if [[ -z "$PGBIN" ]]; then
        apt_install postgresql
        PGBIN="$(find_server_bin)"
        [[ -n "$PGBIN" ]] || die "PostgreSQL server binaries still not found under /usr/lib/postgresql/*/bin"
    fi
}

# psql is all that is needed to talk to an external server: the client package is enough.
ensure_psql() {
    PSQL=""
    local bin
    bin="$(find_server_bin)"
    if [[ -n "$bin" && -x "$bin/psql" ]]; then PSQL="$bin/psql"
    elif [[ -x /usr/lib/postgresql/15/bin/psql ]]; then PSQL=/usr/lib/postgresql/15/bin/psql
    elif command -v psql >/dev/null; then PSQL="$(command -v psql)"
    else
        apt_install postgresql-client
        PSQL="$(command -v psql)" || die "psql still not found after installing postgresql-client"
    fi
}

# The OS user the server runs as. Creates "ordersilo" only when root and "postgres" does not exist.
pg_user() {
    if ! is_root; then id -un; return; fi
    if id -u postgres >/dev/null 2>&1; then echo postgres; return; fi
    if ! id -u ordersilo >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ordersilo \
            || die "could not create system user ordersilo"
    fi
    echo ordersilo
}

# Run a command as the server user. cd / first: initdb/pg_ctl fail if the caller's working directory (e.g. a
# 0700 CI checkout) is not readable by that user.
as_pg() {
    if is_root; then
        (cd / && runuser -u "$PGUSER" -- env LC_ALL=C "$@")
    else
        (cd / && env LC_ALL=C "$@")
    fi
}

# Can the server user enter and write DIR?
dir_reachable() { as_pg test -x "$1" -a -w "$1" 2>/dev/null; }

# Can the server user reach DIR once "start" has created it and (as root) chowned it? What chown cannot fix are
# the directories above it, so check the nearest existing ancestor (or DIR itself when it is already the user's).
cmd_reachable() {
    local dir="${1:?usage: pg.sh reachable DIR}"
    PGUSER="$(pg_user)"
    dir="$(realpath -m "$dir")"
    if [[ -d "$dir" ]] && { ! is_root || [[ "$(stat -c %U "$dir")" == "$PGUSER" ]]; }; then
        as_pg test -x "$dir" -a -w "$dir"
        return
    fi
    dir="$(dirname "$dir")"
    while [[ ! -d "$dir" ]]; do dir="$(dirname "$dir")"; done
    as_pg test -x "$dir"
}

# Make DIR exist, belong to the server user and be reachable by it. Refuse to take over an unrelated folder.
prepare_dir() {
    local dir="$1"
    if [[ ! -d "$dir" ]]; then
        mkdir -p "$dir"
    elif [[ -n "$(ls -A "$dir")" && ! -e "$dir/data/PG_VERSION" && ! -d "$dir/log" ]]; then
        die "$dir is not empty and does not look like a pg.sh directory (no data/PG_VERSION); refusing to use it"
    fi
    if is_root && [[ "$(stat -c %U "$dir")" != "$PGUSER" ]]; then
        chown "$PGUSER:" "$dir"
        chmod 0700 "$dir"
    fi
    dir_reachable "$dir" || die "$dir is not reachable by user '$PGUSER' (a parent directory is not searchable by it,
  e.g. a checkout inside a 'mktemp -d' or /root). Use a directory under /tmp or /var/tmp instead."
    as_pg mkdir -p "$dir/log" "$dir/sock"
}

# Port of a running server of DIR (from postmaster.pid, line 4), or empty.
running_port() {
    local pidfile="$1/data/postmaster.pid"
    [[ -r "$pidfile" ]] || return 0
    sed -n 4p "$pidfile"
}

is_running() { [[ -e "$1/data/PG_VERSION" ]] && as_pg "$PGBIN/pg_ctl" status -D "$1/data" >/dev/null 2>&1; }

# Quote a value for postgresql.conf.
conf_quote() { local v="${1//\'/\'\'}"; printf "'%s'" "$v"; }

write_conf() {
    local dir="$1" port="$2" sockdir="$1/sock"
    # Unix socket paths are limited to 107 bytes; everything here connects over TCP, so drop the socket if too long.
    if (( ${#sockdir} + 20 > 107 )); then
        note "socket path under $dir is too long; unix socket disabled (TCP 127.0.0.1 only)"
        sockdir=""
    fi
    # Rewritten on every start so that the port can change; postgresql.conf includes this file last.
    cat >"$dir/data/ordersilo.conf" <<EOF
# Written by scripts/pg.sh on every start; edit that script, not this file.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = $(conf_quote "$sockdir")
max_connections = 300
shared_buffers = 256MB
# Durability stays at the defaults on purpose: benchmarks must measure real commits.
fsync = on
synchronous_commit = on
full_page_writes = on
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = -1
EOF
    is_root && chown "$PGUSER:" "$dir/data/ordersilo.conf"
    chmod 0600 "$dir/data/ordersilo.conf"
}

pg_ready() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2 >/dev/null 2>&1; }

cmd_start() {
    local dir="${1:?usage: pg.sh start DIR PORT}" port="${2:?usage: pg.sh start DIR PORT}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
    ensure_server
    PGUSER="$(pg_user)"
    dir="$(realpath -m "$dir")"
    prepare_dir "$dir"

    if [[ ! -e "$dir/data/PG_VERSION" ]]; then
        note "initdb $dir/data (superuser '$PGUSER', trust auth)"
        as_pg "$PGBIN/initdb" -D "$dir/data" --auth=trust --encoding=UTF8 --locale=C >"$dir/log/initdb.log" 2>&1 \
            || { cat "$dir/log/initdb.log" >&2; die "initdb failed"; }
        echo "include_if_exists = 'ordersilo.conf'" | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
    fi

    if is_running "$dir"; then
        local rport; rport="$(running_port "$dir")"
        [[ "$rport" == "$port" ]] || die "the server of $dir is already running on port $rport, not $port (stop it first)"
        note "already running on 127.0.0.1:$port ($dir)"
    else
        write_conf "$dir" "$port"
        if ! as_pg "$PGBIN/pg_ctl" start -D "$dir/data" -l "$dir/log/postgresql.log" -w -t 90 >/dev/null 2>&1; then
            echo "---- tail of $dir/log/postgresql.log ----" >&2
            tail -n 30 "$dir/log/postgresql.log" >&2 || true
            die "PostgreSQL did not start on 127.0.0.1:$port (port taken by something else?)"
        fi
        note "started on 127.0.0.1:$port ($dir, user $PGUSER)"
    fi

    local i
    for ((i = 0; i < 120; i++)); do pg_ready "$port" && break; sleep 0.5; done
    pg_ready "$port" || die "pg_isready: 127.0.0.1:$port is not accepting connections"

    ensure_psql
    local exists
    exists="$("$PSQL" -X -qtA -h 127.0.0.1 -p "$port" -U "$PGUSER" -d postgres \
        -c "select 1 from pg_database where datname = '$DB_NAME'")"
    if [[ "$exists" != 1 ]]; then
        "$PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PGUSER" -d postgres -c "create database $DB_NAME" >/dev/null
        note "created database $DB_NAME"
    fi
}

cmd_stop() {
    local dir="${1:?usage: pg.sh stop DIR}"
    PGBIN="$(find_server_bin)"
    [[ -n "$PGBIN" && -e "$dir/data/PG_VERSION" ]] || { note "nothing to stop in $dir"; return 0; }
    PGUSER="$(stat -c %U "$dir/data")"
    if is_running "$dir"; then
        # fast = roll back open transactions and shut down cleanly (a checkpoint, no crash recovery next time).
        as_pg "$PGBIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null \
            || as_pg "$PGBIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null
        note "stopped ($dir)"
    else
        note "not running ($dir)"
    fi
}

cmd_status() {
    local dir="${1:?usage: pg.sh status DIR}"
    PGBIN="$(find_server_bin)"
    if [[ -n "$PGBIN" && -e "$dir/data/PG_VERSION" ]]; then
        PGUSER="$(stat -c %U "$dir/data")"
        if is_running "$dir"; then
            echo "running on 127.0.0.1:$(running_port "$dir") (data $dir/data, user $PGUSER)"
            return 0
        fi
    fi
    echo "stopped ($dir)"
    return 3
}

superuser_of() {
    local dir="$1"
    if [[ -e "$dir/data/PG_VERSION" ]]; then stat -c %U "$dir/data"; else pg_user; fi
}

cmd_url() {
    local dir="${1:?usage: pg.sh url DIR PORT}" port="${2:?usage: pg.sh url DIR PORT}"
    echo "Host=127.0.0.1;Port=$port;Username=$(superuser_of "$dir");Database=$DB_NAME;Pooling=true;Maximum Pool Size=200"
}

# Turn TARGET (Npgsql connection string or pg.sh DIR) into libpq PG* variables for psql.
# Npgsql keys are case-insensitive, have synonyms and ignore spaces; values may be quoted.
set_target() {
    local target="$1"
    unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE
    if [[ "$target" != *=* ]]; then
        [[ -e "$target/data/PG_VERSION" ]] || die "'$target' is neither a connection string nor an initialized pg.sh DIR"
        local port; port="$(running_port "$target")"
        [[ -n "$port" ]] || die "the server of $target is not running (scripts/pg.sh start $target PORT)"
        PGUSER="$(stat -c %U "$target/data")"
        export PGHOST=127.0.0.1 PGPORT="$port" PGUSER PGDATABASE="$DB_NAME"
        return
    fi
    local part key val
    local IFS=';'
    for part in $target; do
        [[ "$part" == *=* ]] || continue
        key="${part%%=*}"; val="${part#*=}"
        key="$(tr -d ' \t' <<<"$key" | tr '[:upper:]' '[:lower:]')"
        val="$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$val")"
        if [[ "$val" =~ ^\"(.*)\"$ || "$val" =~ ^\'(.*)\'$ ]]; then val="${BASH_REMATCH[1]}"; fi
        case "$key" in
            host|server) export PGHOST="${val%%,*}" ;;   # a host list: the first one is enough for psql
            port) export PGPORT="$val" ;;
            username|user|userid|uid) export PGUSER="$val" ;;
            password|psw|pwd) export PGPASSWORD="$val" ;;
            database|db) export PGDATABASE="$val" ;;
            sslmode)
                case "${val,,}" in
                    verifyfull) export PGSSLMODE=verify-full ;; verifyca) export PGSSLMODE=verify-ca ;;
                    *) export PGSSLMODE="${val,,}" ;;
                esac ;;
        esac
    done
    # Npgsql's defaults: localhost:5432, database = user name.
    : "${PGHOST:=localhost}" "${PGPORT:=5432}"
    export PGHOST PGPORT
    [[ -n "${PGUSER:-}" ]] || die "no Username in the connection string"
    [[ -n "${PGDATABASE:-}" ]] || export PGDATABASE="$PGUSER"
}

cmd_psql() {
    local target="${1:?usage: pg.sh psql TARGET [ARGS...]}"; shift
    ensure_psql
    set_target "$target"
    exec "$PSQL" -X "$@"
}

# Apply SQL_DIR/*.sql in byte order of names. Each file runs in one transaction with ON_ERROR_STOP, and its
# SHA-256 is recorded in ordersilo_schema_files: re-running applies only new or changed files, so the command is
# idempotent even for SQL that is not (Orleans' stock scripts, for example). ORDERSILO_SCHEMA_FORCE=1 reapplies all.
cmd_apply_schema() {
    local target="${1:?usage: pg.sh apply-schema CONNSTRING|DIR [SQL_DIR]}"
    local sqldir="${2:-${ORDERSILO_SQL_DIR:-$REPO_ROOT/sql}}"
    [[ -d "$sqldir" ]] || die "no SQL folder $sqldir"
    ensure_psql
    set_target "$target"
    # Only warnings and errors: "already exists, skipping" notices of idempotent DDL are noise.
    export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
    local psql=("$PSQL" -X -q -v ON_ERROR_STOP=1)

    local files=()
    mapfile -d '' files < <(find "$sqldir" -maxdepth 1 -type f -name '*.sql' -print0 | LC_ALL=C sort -z)
    if ((${#files[@]} == 0)); then note "no *.sql files in $sqldir: nothing to apply"; return 0; fi

    "${psql[@]}" -c "create table if not exists ordersilo_schema_files (
        file text primary key, sha256 text not null, applied_at timestamptz not null default now())"
    local f name sum done_sum applied=0 skipped=0
    for f in "${files[@]}"; do
        name="$(basename "$f")"
        sum="$(sha256sum "$f" | cut -d' ' -f1)"
        done_sum="$("${psql[@]}" -tA -v name="$name" <<<"select sha256 from ordersilo_schema_files where file = :'name';")"
        if [[ "$done_sum" == "$sum" && "${ORDERSILO_SCHEMA_FORCE:-0}" != 1 ]]; then
            skipped=$((skipped + 1)); continue
        fi
        note "applying $name to $PGHOST:$PGPORT/$PGDATABASE"
        "${psql[@]}" --single-transaction -v name="$name" -v sum="$sum" -f "$f" \
            -f <(echo "insert into ordersilo_schema_files (file, sha256) values (:'name', :'sum')
                       on conflict (file) do update set sha256 = excluded.sha256, applied_at = now();") \
            || die "$name failed (nothing of it was applied). If the file changed in a way that cannot be
  re-applied to an existing database, reset the dev database (stop the server and delete its DIR)."
        applied=$((applied + 1))
    done
    note "schema: $applied file(s) applied, $skipped unchanged"
}

# Something listens on 127.0.0.1:PORT? (bash /dev/tcp: no python3/ss needed on a fresh machine)
port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

cmd_free_port() {
    local p="${1:-55000}"
    for ((; p < 65535; p++)); do
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free port found"
}

main() {
    local cmd="${1:-}"; shift || true
    case "$cmd" in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        url) cmd_url "$@" ;;
        apply-schema) cmd_apply_schema "$@" ;;
        psql) cmd_psql "$@" ;;
        user) ensure_server; pg_user ;;
        reachable) ensure_server; cmd_reachable "$@" ;;
        free-port) cmd_free_port "$@" ;;
        -h|--help|help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
        *) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
}

main "$@"
