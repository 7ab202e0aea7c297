#!/usr/bin/env bash
# The main job on the shipped example: installs what is missing, builds mojifix, repairs the real
# garbled Jekyll post (UTF-8 read as Mac OS Roman) and checks the result byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product mojifix >&2
bin=.build/release/mojifix
$bin explain Corpus/seeds/002.garbled.md | head -n 12 >&2
echo "..." >&2
$bin repair Corpus/seeds/002.garbled.md
got=$($bin repair Corpus/seeds/002.garbled.md | sha256sum | cut -d' ' -f1)
want=$(sha256sum Corpus/seeds/002.expected.md | cut -d' ' -f1)
if [ "$got" = "$want" ]; then
    echo "repaired byte-exact: sha256 $got" >&2
else
    echo "MISMATCH: got $got, want $want" >&2
    exit 1
fi
