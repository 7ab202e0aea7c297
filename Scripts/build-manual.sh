#!/usr/bin/env bash
# Writes the man page mojifix.1 (every subcommand in one page) from the binary's own help, with
# swift-argument-parser's generate-manual tool (the tool its GenerateManual plugin runs).
# Prints the folder holding it.
#
#   Scripts/build-manual.sh [BINARY]     default: the one Scripts/build-release.sh builds
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/static/release/mojifix}
[ -x "$bin" ] || bin=$(bash Scripts/build-release.sh)
swift build --product generate-manual >&2
out=.build/static/man
mkdir -p "$out"
date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
"$(swift build --product generate-manual --show-bin-path)/generate-manual" "$bin" --date "$date" --authors "mojifix contributors" -o "$out" >&2
echo "$out"
