#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster and prepare the test database.
#
#   source .ci/postgres.sh   -> exports MAATREGELEN_TEST_DATABASE_URL in your shell
#   bash .ci/postgres.sh     -> prints the export line (eval "$(bash .ci/postgres.sh)")
#
# Idempotent: safe to run when the cluster is already running and when the
# role/database already exist. Needs root (or the postgres user) and Debian's
# postgresql-common tools (pg_lsclusters, pg_ctlcluster, pg_createcluster).
# initdb refuses to run as root, so it is never called directly.
#
# Only the export line goes to stdout; all progress output goes to stderr.

_mr_pg_role=maatregelen
_mr_pg_password=maatregelen
_mr_pg_db=maatregelen_test
_mr_pg_host=127.0.0.1
_mr_pg_port=5432
_mr_pg_timeout=30

_mr_pg_setup() (
    # Runs in a subshell so `set -e` and `cd` never leak into a sourcing shell.
    set -euo pipefail
    cd /   # the postgres user cannot read root's cwd; avoids psql warnings

    log() { echo "postgres.sh: $*" >&2; }

    as_postgres() {
        if [[ "$(id -u)" -eq 0 ]]; then
            runuser -u postgres -- "$@"
        elif [[ "$(id -un)" == postgres ]]; then
            "$@"
        else
            sudo -n -u postgres -- "$@"
        fi
    }

    psql_pg() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

    command -v pg_lsclusters >/dev/null || { log "pg_lsclusters not found (install postgresql)"; exit 1; }

    # Pick the cluster: prefer "main" of the newest installed version.
    local ver name port status
    read -r ver name port status < <(
        pg_lsclusters -h | awk '{print $1, $2, $3, $4}' | sort -k1,1V -k2,2 |
            awk '$2=="main"{m=$0} {a=$0} END{print (m!="" ? m : a)}'
    ) || true

    if [[ -z "${ver:-}" ]]; then
        ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
        [[ -n "$ver" ]] || { log "no PostgreSQL server installed under /usr/lib/postgresql"; exit 1; }
        log "no cluster found; creating ${ver}/main"
        pg_createcluster "$ver" main --start >&2
        read -r ver name port status < <(pg_lsclusters -h "$ver" main | awk '{print $1, $2, $3, $4}')
    fi
    log "cluster ${ver}/${name} port ${port} status ${status}"

    if [[ "$status" != online* ]]; then
        log "starting cluster ${ver}/${name}"
        if ! pg_ctlcluster "$ver" "$name" start >&2; then
            log "pg_ctlcluster start failed; log tail:"
            tail -n 30 "/var/log/postgresql/postgresql-${ver}-${name}.log" >&2 || true
            exit 1
        fi
    fi

    if [[ "$port" != "$_mr_pg_port" ]]; then
        log "WARNING: cluster ${ver}/${name} listens on port ${port}, not ${_mr_pg_port}; using ${port}"
    fi

    # Wait until the server accepts TCP connections.
    local deadline=$((SECONDS + _mr_pg_timeout))
    until pg_isready -q -h "$_mr_pg_host" -p "$port" -t 1; do
        if (( SECONDS >= deadline )); then
            log "server not accepting TCP connections on ${_mr_pg_host}:${port} after ${_mr_pg_timeout}s"
            tail -n 30 "/var/log/postgresql/postgresql-${ver}-${name}.log" >&2 || true
            exit 1
        fi
        sleep 1
    done
    log "accepting connections on ${_mr_pg_host}:${port}"

    # Role (create or reset password/attributes) and database, idempotently.
    psql_pg -p "$port" <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${_mr_pg_role}') THEN
        CREATE ROLE ${_mr_pg_role} LOGIN CREATEDB PASSWORD '${_mr_pg_password}';
    ELSE
        ALTER ROLE ${_mr_pg_role} LOGIN CREATEDB PASSWORD '${_mr_pg_password}';
    END IF;
END
\$\$;
SQL
    if [[ "$(psql_pg -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '${_mr_pg_db}'")" != 1 ]]; then
        log "creating database ${_mr_pg_db}"
        psql_pg -p "$port" -c "CREATE DATABASE ${_mr_pg_db} OWNER ${_mr_pg_role}"
    else
        psql_pg -p "$port" -c "ALTER DATABASE ${_mr_pg_db} OWNER TO ${_mr_pg_role}"
    fi
    log "role ${_mr_pg_role} and database ${_mr_pg_db} ready"

    # Hand the port back to the caller on stdout.
    echo "$port"
)

if _mr_pg_port_used=$(_mr_pg_setup); then
    export MAATREGELEN_TEST_DATABASE_URL="postgresql+psycopg://${_mr_pg_role}:${_mr_pg_password}@${_mr_pg_host}:${_mr_pg_port_used}/${_mr_pg_db}"
    _mr_pg_rc=0
else
    _mr_pg_rc=1
    echo "postgres.sh: FAILED" >&2
fi

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # Sourced: the variable is now in the caller's environment.
    unset -f _mr_pg_setup
    return "$_mr_pg_rc"
else
    # Executed: print the export line so it can be eval'd.
    if [[ "$_mr_pg_rc" -eq 0 ]]; then
        printf "export MAATREGELEN_TEST_DATABASE_URL='%s'\n" "$MAATREGELEN_TEST_DATABASE_URL"
    fi
    exit "$_mr_pg_rc"
fi
