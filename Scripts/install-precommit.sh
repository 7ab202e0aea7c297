#!/usr/bin/env bash
# Installs pre-commit (>= 3.2.2, from PyPI) into .build/precommit-venv for the end-to-end hook
# tests (Tests/MojifixCLITests/PreCommitTests.swift). Never fails the caller: when Python, venv or
# PyPI cannot be had, it says so and the tests skip with the same reason.
set -uo pipefail
cd "$(dirname "$0")/.."
venv=.build/precommit-venv
reason=.build/precommit-unavailable.txt
mkdir -p .build
rm -f "$reason"

unavailable() {
    echo "install-precommit: $1; the pre-commit end-to-end tests will be skipped" >&2
    echo "$1" >"$reason"
    exit 0
}

if [ -x "$venv/bin/pre-commit" ] && "$venv/bin/python" - <<'EOF' 2>/dev/null
import importlib.metadata as m, sys
v = tuple(int(p) for p in m.version("pre-commit").split(".")[:3])
sys.exit(0 if v >= (3, 2, 2) else 1)
EOF
then
    exit 0
fi

python=$(command -v python3 || true)
[ -n "$python" ] || unavailable "python3 is not installed"
if ! "$python" -m venv --clear "$venv" >/dev/null 2>&1; then
    # Debian splits venv out of python3.
    if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
    fi
    "$python" -m venv --clear "$venv" >/dev/null 2>&1 || unavailable "python3 -m venv failed"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'pre-commit>=3.2.2' \
    || unavailable "pip could not install pre-commit>=3.2.2 from PyPI"
echo "install-precommit: $("$venv/bin/pre-commit" --version) in $venv" >&2
