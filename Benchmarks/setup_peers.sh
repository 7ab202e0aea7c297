#!/usr/bin/env bash
# Create the peer-tool venv used by the benchmarks: .build/peers-venv with
# ftfy 6.3.1 (the reference mojibake repairer) and mdformat (Markdown peer).
#
# Idempotent and quiet: a venv that already has the pinned versions is reused
# without touching the network. If PyPI cannot be reached, prints a line that
# starts with "setup_peers: SKIPPED", writes .build/peers-venv.SKIPPED and
# exits 0, so callers (bench_repair.py, ftfy_cases.py, CI) can carry on without
# the peers.
#
# Usage: bash Benchmarks/setup_peers.sh [--hyperfine]
#   --hyperfine   also apt-get install hyperfine if it is missing (needs root)
# Env:   PEERS_VENV  venv path (default: <repo>/.build/peers-venv)
#        PYTHON      interpreter used to create the venv (default: python3)
set -u

FTFY_VERSION="6.3.1"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PEERS_VENV:-$REPO_ROOT/.build/peers-venv}"
PYTHON="${PYTHON:-python3}"
MARKER="$VENV.SKIPPED"
WANT_HYPERFINE=0
for arg in "$@"; do
  case "$arg" in
    --hyperfine) WANT_HYPERFINE=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "setup_peers: unknown argument: $arg" >&2; exit 64 ;;
  esac
done

if [ "$WANT_HYPERFINE" = 1 ] && ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get install -y -qq hyperfine || { apt-get update -qq && apt-get install -y -qq hyperfine; }; } \
      >/dev/null 2>&1 || echo "setup_peers: note: could not install hyperfine (benchmarks fall back to subprocess timing)"
  else
    echo "setup_peers: note: hyperfine missing and apt-get not usable as this user (benchmarks fall back to subprocess timing)"
  fi
fi

peers_ok() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" - "$FTFY_VERSION" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
assert version("ftfy") == sys.argv[1]
version("mdformat")
import ftfy, mdformat  # noqa: F401
PY
}

if peers_ok; then
  rm -f "$MARKER"
  echo "setup_peers: ok (ftfy $FTFY_VERSION + mdformat already in ${VENV#$REPO_ROOT/})"
  exit 0
fi

skip() {
  mkdir -p "$(dirname "$MARKER")"
  printf '%s\n' "$1" > "$MARKER"
  echo "setup_peers: SKIPPED - $1"
  echo "setup_peers: the benchmarks will run without peer (ftfy) numbers."
  exit 0
}

# Probe the package index pip would use (PIP_INDEX_URL / pip config / PyPI).
INDEX_URL="${PIP_INDEX_URL:-$("$PYTHON" -m pip config get global.index-url 2>/dev/null || true)}"
INDEX_URL="${INDEX_URL:-https://pypi.org/simple}"
if ! "$PYTHON" - "$INDEX_URL" >/dev/null 2>&1 <<'PY'
import sys, urllib.request
url = sys.argv[1].rstrip("/") + "/ftfy/"
with urllib.request.urlopen(url, timeout=15) as r:
    assert r.status == 200
PY
then
  skip "PyPI unreachable (probed $INDEX_URL)"
fi

if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" >/dev/null 2>&1 || { rm -rf "$VENV"; echo "setup_peers: ERROR: '$PYTHON -m venv' failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi

LOG="$(mktemp)"
if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
      "ftfy==$FTFY_VERSION" mdformat >"$LOG" 2>&1; then
  if grep -qiE 'connection|network|timed out|resolve|No matching distribution|Could not fetch' "$LOG"; then
    rm -f "$LOG"; skip "pip could not download from PyPI"
  fi
  echo "setup_peers: ERROR: pip install failed:" >&2; cat "$LOG" >&2; rm -f "$LOG"; exit 1
fi
rm -f "$LOG"

if peers_ok; then
  rm -f "$MARKER"
  echo "setup_peers: ok (installed ftfy $FTFY_VERSION + mdformat into ${VENV#$REPO_ROOT/})"
else
  echo "setup_peers: ERROR: install finished but ftfy $FTFY_VERSION/mdformat not importable" >&2; exit 1
fi
