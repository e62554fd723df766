# Shared settings of the project's scripts; sourced, not run.
# Every path can be overridden from the environment.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
VAR=${VAR:-$ROOT/var}
ODOO_CONF=${ODOO_CONF:-$VAR/odoo.conf}
DEMO_DB=${DEMO_DB:-client_hub}
TEST_DB=${TEST_DB:-client_hub_test}
HTTP_PORT=${HTTP_PORT:-8069}
PY=$VENV/bin/python
ODOO_BIN=$VENV/bin/odoo

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# The Odoo source tree: $ODOO_SRC, else /opt/odoo-src/18.0, else a shallow clone of the
# official 18.0 branch into var/odoo-src. The result is exported as ODOO_SRC.
find_odoo_src() {
    local candidate
    for candidate in "${ODOO_SRC:-}" /opt/odoo-src/18.0 "$VAR/odoo-src"; do
        if [ -n "$candidate" ] && [ -f "$candidate/odoo-bin" ]; then
            ODOO_SRC=$candidate
            export ODOO_SRC
            return 0
        fi
    done
    say "No Odoo 18.0 tree in \$ODOO_SRC or /opt/odoo-src/18.0: cloning the 18.0 branch"
    mkdir -p "$VAR"
    if git clone --quiet --depth 1 --branch 18.0 https://github.com/odoo/odoo.git \
        "$VAR/odoo-src.partial" 2>/dev/null; then
        mv "$VAR/odoo-src.partial" "$VAR/odoo-src"
        ODOO_SRC=$VAR/odoo-src
        export ODOO_SRC
        return 0
    fi
    rm -rf "$VAR/odoo-src.partial"
    die "No Odoo 18.0 source tree found, and cloning it failed.
Provide one of:
  - ODOO_SRC=/path/to/odoo-18.0 (a tree with odoo-bin at its top), or
  - an Odoo 18.0 tree at /opt/odoo-src/18.0, or
  - network access to clone https://github.com/odoo/odoo (branch 18.0).
On this project's machines, ../shared/HOST.md says how to restore /opt/odoo-src/18.0."
}

# odoo-bin on database $1, once, without serving: odoo_once DB ARGS...
odoo_once() {
    local db=$1
    shift
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$db" --stop-after-init --no-http "$@"
}

# ensure_db NAME [--without-demo]: create the database NAME with client_hub (and demo
# data unless --without-demo), or update client_hub in it when it exists (data kept).
ensure_db() {
    local db=$1 demo=()
    [ "${2:-}" = --without-demo ] && demo=(--without-demo=all)
    if psql -d "$db" -tAc 'select 1' >/dev/null 2>&1; then
        say "Updating client_hub in the database $db (data kept)"
        odoo_once "$db" -u client_hub
    else
        say "Creating the database $db with client_hub${demo:+, without demo data}"
        odoo_once "$db" -i client_hub "${demo[@]}"
    fi
}

# ensure_module NAME MODULE: install MODULE in the database NAME unless it is there
# (ensure_db's update of client_hub updates the modules that depend on it).
ensure_module() {
    local state
    state=$(psql -d "$1" -tAc "select state from ir_module_module where name = '$2'")
    if [ "$state" != installed ]; then
        say "Installing $2 in $1"
        odoo_once "$1" -i "$2"
    fi
}

# fresh_db NAME MODULES: drop the database NAME and build it anew with MODULES
# (comma-separated) and demo data.
fresh_db() {
    say "Fresh database $1 with $2"
    dropdb --if-exists "$1"
    odoo_once "$1" -i "$2"
}
