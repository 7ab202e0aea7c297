#!/usr/bin/env bash
# Builds the DocC archives of the library products MojifixCore, MojifixMarkdown and MojifixKit with the
# toolchain's own `swift-symbolgraph-extract` and `docc` (no package plugin, so it works offline).
#   bash Scripts/build-docs.sh [OUTDIR]        archives in OUTDIR (default .build/docs)
# MOJIFIX_MODULES=DIR uses modules already built there (e.g. .build/debug/Modules) instead of
# building; DOCC_FLAGS adds flags to `docc convert` (the tests pass --warnings-as-errors).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
if [ -n "${MOJIFIX_MODULES:-}" ]; then
    modules=$MOJIFIX_MODULES
else
    swift build --target MojifixCore >&2
    swift build --target MojifixMarkdown >&2
    swift build --target MojifixKit >&2
    modules=$(swift build --show-bin-path)/Modules
fi
bin=$(dirname "$modules")
# The C modules the libraries import: their generated module maps and their headers.
clang_flags=()
for map in "$bin"/*.build/module.modulemap; do clang_flags+=(-Xcc "-fmodule-map-file=$map"); done
for include in Sources/C*/include; do clang_flags+=(-Xcc "-I$include"); done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for module in MojifixCore MojifixMarkdown MojifixKit; do
    mkdir -p "$work/$module"
    swift-symbolgraph-extract -module-name "$module" -I "$modules" -target "$(uname -m)-unknown-linux-gnu" \
        -minimum-access-level public -output-dir "$work/$module" "${clang_flags[@]}"
    # shellcheck disable=SC2086
    docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$work/$module" \
        --fallback-display-name "$module" --fallback-bundle-identifier "org.mojifix.$module" \
        --output-path "$out/$module.doccarchive" ${DOCC_FLAGS:-}
done
echo "documentation: $out/MojifixCore.doccarchive, $out/MojifixMarkdown.doccarchive, $out/MojifixKit.doccarchive" >&2
