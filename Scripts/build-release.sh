#!/usr/bin/env bash
# Builds the self-contained release binary: the Swift runtime (--static-swift-stdlib), ICU and
# cmark-gfm linked statically, so it runs on a Linux machine without the Swift toolchain or
# libicu/cmark-gfm installed (glibc and libstdc++ stay shared, as on any Linux program).
# The normal `swift build`/`swift test` are untouched: this build has its own scratch folder and
# only adds linker flags. Prints the binary's path on stdout.
#
#   Scripts/build-release.sh            -> .build/static/release/mojifix
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh >&2

scratch=.build/static
# (cmark-gfm is named again after the extensions, which need it, for the static link order.)
# The linker takes the first libicuuc it finds on its -L path; a folder holding only the static
# archives, searched before the system one, makes it take the `.a` without touching Package.swift.
archives=$scratch/static-libs
mkdir -p "$archives"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
for lib in icuuc icudata cmark-gfm cmark-gfm-extensions; do
    src=/usr/lib/$multiarch/lib$lib.a
    [ -f "$src" ] || { echo "build-release: missing $src (Debian's libicu-dev / libcmark-gfm-dev ship it)" >&2; exit 2; }
    ln -sf "$src" "$archives/lib$lib.a"
done

# The commit `mojifix --version` prints; "-dirty" when the tree has uncommitted changes.
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then
    commit="$commit-dirty"
fi

swift build -c release --product mojifix --scratch-path "$scratch" \
    --static-swift-stdlib \
    -Xcc "-DMOJIFIX_COMMIT=$commit" \
    -Xlinker -L"$PWD/$archives" \
    -Xlinker -lcmark-gfm -Xlinker -lstdc++ -Xlinker -lm -Xlinker -ldl -Xlinker -lpthread \
    -Xlinker --gc-sections >&2
bin=$scratch/release/mojifix
strip "$bin"
echo "$bin"
