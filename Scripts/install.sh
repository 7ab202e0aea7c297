#!/usr/bin/env bash
# Installs mojifix for the current user (or into PREFIX): the self-contained binary of
# Scripts/build-release.sh, its man page and the bash, zsh and fish completions.
#
#   Scripts/install.sh [PREFIX]     default ~/.local
#
#   PREFIX/bin/mojifix
#   PREFIX/share/man/man1/mojifix.1 (and one page per subcommand, mojifix.fix.1, ...)
#   PREFIX/share/bash-completion/completions/mojifix
#   PREFIX/share/zsh/site-functions/_mojifix
#   PREFIX/share/fish/vendor_completions.d/mojifix.fish
set -euo pipefail
prefix=${1:-$HOME/.local}
cd "$(dirname "$0")/.."

bin=$(bash Scripts/build-release.sh)
man=$(bash Scripts/build-manual.sh)

mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$prefix/bin/mojifix"
install -m 0644 "$man"/*.1 "$prefix/share/man/man1/"
"$prefix/bin/mojifix" --generate-completion-script bash > "$prefix/share/bash-completion/completions/mojifix"
"$prefix/bin/mojifix" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_mojifix"
"$prefix/bin/mojifix" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/mojifix.fish"

echo "installed $("$prefix/bin/mojifix" --version | head -n 1) into $prefix" >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
