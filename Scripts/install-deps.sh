#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build mojifix: system ICU, cmark-gfm, pkg-config.
# Needs root (or sudo) only when something is missing.
set -euo pipefail
missing=()
for pkg in libicu-dev pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
