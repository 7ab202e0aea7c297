#!/usr/bin/env bash
# Installs a Python tool from PyPI into .build/NAME-venv for the end-to-end tests that drive it
# (pre-commit for PreCommitTests, pyspark for SparkPipeTests). Never fails the caller: when
# Python, venv or PyPI cannot be had, it says why in .build/NAME-unavailable.txt and the tests
# skip with that reason.
#   bash Scripts/install-test-venv.sh NAME 'PIP REQUIREMENT'
set -uo pipefail
cd "$(dirname "$0")/.."
name=$1 requirement=$2
venv=.build/$name-venv
reason=.build/$name-unavailable.txt
mkdir -p .build
rm -f "$reason"

unavailable() {
    echo "install-test-venv: $1; the tests that need $name will be skipped" >&2
    echo "$1" >"$reason"
    exit 0
}

if [ ! -x "$venv/bin/python" ]; then
    python=$(command -v python3 || true)
    [ -n "$python" ] || unavailable "python3 is not installed"
    if ! "$python" -m venv --clear "$venv" >/dev/null 2>&1; then
        # Debian splits venv out of python3.
        if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
        fi
        "$python" -m venv --clear "$venv" >/dev/null 2>&1 || unavailable "python3 -m venv failed"
    fi
fi
# A requirement already met is not downloaded again.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" \
    || unavailable "pip could not install $requirement from PyPI"
echo "install-test-venv: $requirement in $venv" >&2
