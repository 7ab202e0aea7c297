#!/usr/bin/env bash
# Writes the pre-commit mirror repository for one mojifix release (the ruff-pre-commit pattern):
# Packaging/pre-commit-mirror's hooks plus a pyproject.toml pinning mojifix==VERSION, committed and
# tagged vVERSION. Publish it (e.g. as mojifix-pre-commit) next to the wheel on PyPI.
#
#   Scripts/make-precommit-mirror.sh OUTDIR VERSION     prints OUTDIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1 version=$2
mkdir -p "$out"
cp "$root/Packaging/pre-commit-mirror/.pre-commit-hooks.yaml" "$out/"
sed "s/@VERSION@/$version/g" "$root/Packaging/pre-commit-mirror/pyproject.toml.in" >"$out/pyproject.toml"
cd "$out"
git init -q -b main
git add -A
git -c user.name=mojifix -c user.email=mojifix@invalid commit -q -m "mojifix $version"
git tag -f "v$version" >/dev/null
echo "$out"
