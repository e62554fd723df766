#!/usr/bin/env bash
# `make lint`: the pre-commit hooks of .pre-commit-config.yaml on every file, with the
# tools installed from PyPI and npm (pre-commit cannot fetch hook repositories here).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
cd "$ROOT"
"$PY" -m pip install --quiet -r requirements-lint.txt
if [ ! -x node_modules/.bin/prettier ]; then
    say "npm install (prettier, @prettier/plugin-xml)"
    npm install --no-audit --no-fund --no-package-lock --silent
fi
export PATH=$VENV/bin:$ROOT/node_modules/.bin:$PATH
pre-commit run --all-files --show-diff-on-failure
say "Is i18n/client_hub.pot current?"
"$ROOT/tools/i18n.sh" --check
