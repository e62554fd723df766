#!/usr/bin/env bash
# Set up everything client_hub needs on this machine, idempotently:
#   - a virtualenv with Odoo 18.0 (editable, compat mode), its requirements and ours;
#   - a running local PostgreSQL with a superuser role for the OS user;
#   - Debian's chromium for the browser tests (with --browser);
#   - var/odoo.conf pointing Odoo at its own addons and ours.
# A second run only checks: the Python part is skipped while its inputs are unchanged.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
    is_root || die "$* is missing and only root can install it: apt-get install -y $*"
    if [ ! -f "$VAR/.apt-updated" ]; then
        say "apt-get update"
        apt-get update -qq
        mkdir -p "$VAR" && touch "$VAR/.apt-updated"
    fi
    say "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_python() {
    local stamp=$VENV/.client_hub-stamp want
    want=$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements-dev.txt" \
        "$ROOT/tools/constraints.txt" | sha256sum | cut -d' ' -f1)-$ODOO_SRC
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$ODOO_BIN" ]; then
        return 0
    fi
    say "Python: virtualenv $VENV with Odoo from $ODOO_SRC (a few minutes the first time)"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    export PIP_CONSTRAINT=$ROOT/tools/constraints.txt PIP_DISABLE_PIP_VERSION_CHECK=1
    local pip=("$PY" -m pip install --quiet)
    "${pip[@]}" "setuptools<70" wheel
    # python-ldap needs LDAP headers and only serves auth_ldap, which we don't use.
    grep -v '^python-ldap' "$ODOO_SRC/requirements.txt" >"$VAR/odoo-requirements.txt"
    "${pip[@]}" -r "$VAR/odoo-requirements.txt"
    # compat mode: the strict editable mode breaks once an odoo-addon-* wheel creates
    # site-packages/odoo/ (see ../shared/HOST.md).
    "${pip[@]}" --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat
    "${pip[@]}" -r "$ROOT/requirements-dev.txt"
    "$PY" -c "import odoo.tools" || die "Odoo does not import from $VENV"
    echo "$want" >"$stamp"
}

setup_postgres() {
    if ! command -v pg_ctlcluster >/dev/null && ! command -v pg_ctl >/dev/null; then
        apt_install postgresql
    fi
    if command -v pg_lsclusters >/dev/null; then
        local down
        down=$(pg_lsclusters --no-header | awk '$4 != "online" {print $1, $2}')
        if [ -n "$down" ]; then
            is_root || die "PostgreSQL is not running; start it (pg_ctlcluster <ver> main start)"
            while read -r ver name; do
                say "Starting PostgreSQL $ver/$name"
                pg_ctlcluster "$ver" "$name" start
            done <<<"$down"
        fi
    fi
    local user
    user=$(id -un)
    [ "$user" != postgres ] || die "Odoo refuses to run as the postgres role: run as another user"
    if ! psql -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        is_root || die "No PostgreSQL role for $user: ask for one (createuser -s $user)"
        say "Creating the PostgreSQL superuser role $user"
        su postgres -c "createuser -s '$user'"
    fi
}

setup_browser() {
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
        || command -v google-chrome >/dev/null || apt_install chromium
}

write_conf() {
    mkdir -p "$VAR"
    cat >"$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$ROOT
http_port = $HTTP_PORT
admin_passwd = admin
log_level = warn
CONF
}

mkdir -p "$VAR"
find_odoo_src
setup_python
setup_postgres
[ "$want_browser" = 1 ] && setup_browser
write_conf
