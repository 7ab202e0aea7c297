#!/usr/bin/env python3
"""Rendering damage check of `mojifix normalize` on real Markdown gathered from packages.

Gathers at run time (never committed) the Markdown files shipped in PyPI source distributions
(`pip download --no-binary :all: --no-deps NAME`, unpacked under .build/real-markdown/) and in
Debian `-doc` packages (`apt-get download`, unpacked with dpkg-deb), then for every UTF-8 file:
  * `mojifix normalize --no-config FILE` (safe profile, GFM flavour): exit code, idempotence
    (normalising the output again gives it back);
  * renders before and after with the cmark-gfm CLI (GFM extensions, raw HTML kept) and, with
    --kramdown, with Ruby's kramdown (GFM input, Jekyll's defaults) the output of
    `normalize --flavor kramdown` (what a Jekyll site gets);
  * compares the two renderings modulo the documented changes, defined exactly as in
    Tests/MojifixMarkdownTests/RenderedDifferentialTests.swift: NFC; U+200B, U+2060, U+FEFF,
    U+200D removed, a variation selector right after another removed; NBSP and U+3000 read as spaces; a one-line `<p>#… text</p>` read as that
    heading; outside <pre>, whitespace runs as one space and none next to a tag. Inside <pre>
    every character counts. Front matter (--- to --- or ..., +++ to +++) is left out of both.
Then `mojifix check --format json` over the gathered files gives the findings per rule.

Prints: files, MB, damaged (and which), not idempotent, errors, and the per-rule findings table.
usage: python3 Benchmarks/bench_real_markdown.py [--bin .build/release/mojifix] [--pypi N,...]
       [--debian PKG,...] [--kramdown] [--max-files N] [--show N]
Needs: cmark-gfm CLI (apt-get install cmark-gfm), pip, and for --kramdown ruby-kramdown
ruby-kramdown-parser-gfm; network access to PyPI / Debian mirrors through pip and apt.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".build" / "real-markdown"

# Projects whose sdists ship many Markdown files: docs, changelogs, and (ansible) the READMEs
# and docs of some hundred collections written by different teams.
PYPI = ["ansible", "pip", "markdown", "myst-parser", "black", "pymdown-extensions", "mkdocs", "mkdocstrings", "griffe",
        "markdown-it-py", "mdit-py-plugins", "httpx", "openai", "mdformat", "sympy", "ansible-lint", "molecule", "poetry", "pdm", "hatch",
        "pydata-sphinx-theme", "wagtail", "jupyterhub", "notebook", "jupyterlab", "kedro", "ansible-core",
        "jupytext", "djangorestframework", "cookiecutter",
        # READMEs written in Korean
        "pykrx", "finance-datareader", "soynlp", "kiwipiepy", "opendartreader"]
# Build backends installed once into the gathering venv, so `pip download` prepares metadata
# without a fresh isolated build environment per package.
BACKENDS = ["setuptools", "wheel", "hatchling", "hatch-vcs", "hatch-fancy-pypi-readme", "setuptools-scm", "flit-core",
            "pdm-backend", "poetry-core", "babel", "uv-dynamic-versioning", "hatch-requirements-txt"]
# Debian documentation packages written in Markdown (Debian gzips the larger ones: .md.gz).
# The texlive documentation packages hold the READMEs of hundreds of CTAN packages, each by its own author.
DEBIAN = ["docker-doc", "libjs-bootstrap5-doc", "nodejs-doc", "npm", "node-babel7", "webpack", "ansible",
          "texlive-science-doc", "texlive-latex-extra-doc", "texlive-pictures-doc"]
MD = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
CMARK = ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
         "-e", "tasklist", "-e", "footnotes"]
KRAMDOWN = 'require "kramdown"; require "kramdown-parser-gfm"; print Kramdown::Document.new($stdin.read, input: "GFM", hard_wrap: false).to_html'


def gather_pypi(names, dest: Path):
    dl = dest / "sdists"
    dl.mkdir(parents=True, exist_ok=True)
    venv = dest / "venv"
    python = venv / "bin" / "python"
    if names and not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-U", *BACKENDS], check=True)
    for name in names:
        canonical = re.sub(r"[-_.]+", "_", name).lower()
        if any(re.match(re.escape(canonical) + r"_\d", re.sub(r"[-_.]+", "_", p.name).lower()) for p in dl.iterdir()):
            continue
        subprocess.run([str(python), "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps",
                        "--no-build-isolation", "-d", str(dl), name], capture_output=True, timeout=600)
    for archive in sorted(dl.iterdir()):
        out = dest / "files" / archive.name
        if out.exists():
            continue
        out.mkdir(parents=True)
        try:
            if archive.name.endswith((".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
                with tarfile.open(archive) as t:
                    for m in t.getmembers():
                        if m.isfile() and m.name.lower().endswith(MD):
                            target = out / m.name.replace("..", "_")
                            target.parent.mkdir(parents=True, exist_ok=True)
                            target.write_bytes(t.extractfile(m).read())
            elif archive.name.endswith(".zip"):
                with zipfile.ZipFile(archive) as z:
                    for n in z.namelist():
                        if n.lower().endswith(MD) and not n.endswith("/"):
                            target = out / n.replace("..", "_")
                            target.parent.mkdir(parents=True, exist_ok=True)
                            target.write_bytes(z.read(n))
        except Exception as e:  # a broken archive is reported, not fatal
            print(f"bench_real_markdown: {archive.name}: {e}", file=sys.stderr)


def gather_debian(packages, dest: Path):
    dl = dest / "debs"
    dl.mkdir(parents=True, exist_ok=True)
    for pkg in packages:
        if not list(dl.glob(f"{pkg}_*.deb")):
            subprocess.run(["apt-get", "download", pkg], cwd=dl, capture_output=True, timeout=600)
    for deb in sorted(dl.glob("*.deb")):
        out = dest / "files" / deb.stem
        if out.exists():
            continue
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp)], capture_output=True)
        for p in tmp.rglob("*"):
            if not p.is_file() or p.is_symlink():
                continue
            name = p.name.lower()
            if name.endswith(MD):
                target = out / p.relative_to(tmp)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, target)
            elif name.endswith(".gz") and name[:-3].endswith(MD):
                target = out / p.relative_to(tmp).with_suffix("")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(gzip.decompress(p.read_bytes()))
        shutil.rmtree(tmp, ignore_errors=True)


def body(b: bytes) -> bytes:
    lines = re.split(rb"\r\n|\r|\n", b)
    if lines and lines[0] in (b"---", b"+++"):
        off = len(lines[0])
        rest = b[off:]
        # YAML front matter may also end with `...` (Jekyll and the normaliser accept it).
        closers = (b"---", b"...") if lines[0] == b"---" else (b"+++",)
        for k, line in enumerate(lines[1:], 1):
            if line in closers:
                m = re.match(rb"(?:[^\r\n]*(?:\r\n|\r|\n)){%d}" % (k + 1), b)
                return b[m.end():] if m else b""
    return b


def canonical(html: str) -> str:
    s = unicodedata.normalize("NFC", html)
    s = s.translate({0x200B: None, 0x2060: None, 0xFEFF: None, 0x200D: None})
    s = re.sub("([\ufe00-\ufe0f])[\ufe00-\ufe0f]+", r"\1", s)
    out, pending, in_pre, i = [], False, False, 0
    while i < len(s):
        c = s[i]
        if c == "<":
            if s.startswith("<pre", i):
                in_pre = True
            elif s.startswith("</pre>", i):
                in_pre = False
            pending = False
        i += 1
        if in_pre:
            out.append(c)
            continue
        if c in " \t\n\r\u00a0\u3000":
            pending = True
            continue
        if pending and c != "<" and (not out or out[-1] != ">"):
            out.append(" ")
        pending = False
        out.append(c)
    text = "".join(out)
    return re.sub(r"<p>(#{1,6}) ([^<\n]*)</p>", lambda m: f"<h{len(m.group(1))}>{m.group(2)}</h{len(m.group(1))}>", text)


def render(cmd, data: bytes) -> str:
    p = subprocess.run(cmd, input=data, capture_output=True, timeout=60)
    return p.stdout.decode("utf-8", "replace")


def check_file(binary: str, path: Path, kramdown: bool):
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return ("skipped", path, None)
    p = subprocess.run([binary, "normalize", "--no-config", str(path)], capture_output=True, timeout=60)
    if p.returncode not in (0,):
        return ("error", path, p.stderr.decode("utf-8", "replace")[:200])
    out = p.stdout
    again = subprocess.run([binary, "normalize", "--no-config", "-"], input=out, capture_output=True, timeout=60).stdout
    idempotent = again == out
    if out == data:
        return ("unchanged", path, None) if idempotent else ("not idempotent", path, None)
    renderers = [("cmark", CMARK, out)]
    if kramdown:  # a kramdown site is normalised with its flavour
        kram = subprocess.run([binary, "normalize", "--no-config", "--flavor", "kramdown", str(path)], capture_output=True, timeout=60).stdout
        renderers.append(("kramdown", ["ruby", "-e", KRAMDOWN], kram))
    for name, cmd, after in renderers:
        a, b = canonical(render(cmd, body(data))), canonical(render(cmd, body(after)))
        if a != b:
            k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            return ("damaged", path, f"{name}: {a[max(0, k - 80):k + 80]!r} -> {b[max(0, k - 80):k + 80]!r}")
    return ("changed" if idempotent else "not idempotent", path, None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(REPO / ".build" / "release" / "mojifix"))
    ap.add_argument("--pypi", default=",".join(PYPI))
    ap.add_argument("--debian", default=",".join(DEBIAN))
    ap.add_argument("--kramdown", action="store_true", help="also render with kramdown (slow: one Ruby start per file)")
    ap.add_argument("--max-files", type=int, default=0)
    ap.add_argument("--show", type=int, default=20, help="damaged files shown")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args()
    if not shutil.which("cmark-gfm"):
        print("bench_real_markdown: cmark-gfm CLI missing (apt-get install cmark-gfm)", file=sys.stderr)
        return 2
    gather_pypi([n for n in a.pypi.split(",") if n], WORK)
    gather_debian([n for n in a.debian.split(",") if n], WORK)
    files = sorted(p for p in (WORK / "files").rglob("*") if p.is_file() and p.name.lower().endswith(MD))
    # The same file shipped twice (two ansible releases, a README in an sdist and a deb) counts once.
    seen, unique = set(), []
    for p in files:
        digest = hash(p.read_bytes())
        if digest not in seen:
            seen.add(digest)
            unique.append(p)
    files = unique
    if a.max_files:
        files = files[: a.max_files]
    size = sum(p.stat().st_size for p in files)
    korean = sum(1 for p in files if re.search("[\uac00-\ud7a3]", p.read_bytes().decode("utf-8", "ignore")))
    with ThreadPoolExecutor(a.j) as pool:
        results = list(pool.map(lambda p: check_file(a.bin, p, a.kramdown), files))
    counts = {}
    for status, _, _ in results:
        counts[status] = counts.get(status, 0) + 1
    print(f"{len(files)} files ({size / 1e6:.1f} MB, {korean} with Hangul) from {len(list((WORK / 'files').iterdir()))} packages")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for status, path, why in [r for r in results if r[0] in ("damaged", "not idempotent", "error")][: a.show]:
        print(f"  {status.upper()} {path.relative_to(WORK / 'files')}: {why or ''}")
    # check's findings per rule, over the same files (in chunks: one JSON report each).
    rows = {}
    for k in range(0, len(files), 400):
        p = subprocess.run([a.bin, "check", "--no-config", "--format", "json", "--no-progress", *map(str, files[k:k + 400])],
                           capture_output=True, text=True)
        try:
            for row in json.loads(p.stdout)["summary"]:
                r = rows.setdefault(row["rule"], [row["severity"], 0, 0])
                r[1] += row["findings"]
                r[2] += row["files"]
        except (json.JSONDecodeError, KeyError):
            print(f"check: no JSON report for chunk {k}: {p.stderr[:200]}", file=sys.stderr)
    print("check findings per rule:")
    for rule, (severity, count, in_files) in sorted(rows.items(), key=lambda x: ("ewi".index(x[1][0][0]), -x[1][1])):
        print(f"  {rule:28} {severity:8} {count:7} findings in {in_files} files")
    print(f"{len(files)} files, {counts.get('damaged', 0)} damaged, {counts.get('not idempotent', 0)} not idempotent, "
          f"{counts.get('error', 0)} errors")
    return 1 if counts.get("damaged") or counts.get("not idempotent") else 0


if __name__ == "__main__":
    sys.exit(main())
