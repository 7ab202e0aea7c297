#!/usr/bin/env bash
# The whole test suite with nothing skipped: installs what a fresh Debian machine lacks, provisions
# what the end-to-end tests drive (pre-commit and PySpark from PyPI into .build/*-venv, the wheel of
# the self-contained binary into .build/wheel), then runs `swift test` (arguments are passed on,
# e.g. --filter) and closes with the XCTest totals as one plain line: `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
# Where PyPI cannot be reached, the installers record why and those tests skip with the reason.
bash Scripts/install-precommit.sh
bash Scripts/install-test-venv.sh pyspark 'pyspark>=3.5'
mkdir -p .build/wheel
rm -f .build/wheel/mojifix-*.whl
bash Scripts/build-wheel.sh .build/wheel >/dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test "$@" 2>&1 | tee "$log" || status=$?

# `swift test` closes with Swift Testing's own (empty) summary; the XCTest totals are the ones
# that count, so they are repeated last.
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with" "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
    total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
    failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failures? \(.*/\1/')
    skipped=$(echo "$summary" | sed -nE 's/.* ([0-9]+) tests? skipped.*/\1/p')
    skipped=${skipped:-0}
    line="$((total - failed - skipped)) passed, $failed failed"
    [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
    echo "$line"
else
    echo "no XCTest totals (the build failed?)"
fi
exit "$status"
