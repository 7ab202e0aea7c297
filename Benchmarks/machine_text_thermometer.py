#!/usr/bin/env python3
"""A thermometer of clean text nobody wrote for mojifix: every UTF-8 text file on this machine
(default: /usr and ~/.pyenv; `.gz` files decompressed; NUL-free, valid UTF-8, 100 bytes to 600 KB,
at least three non-ASCII characters, duplicates once) through `mojifix repair -`, listing each
file repair changes with the start of its `explain`. Such files are mostly correct text, so
each change is a candidate false positive for a person to judge: some are real mojibake (Debian
copyright files, translated man pages), some quoted on purpose (encoding tests in Python
source), some policy (a UTF-8 BOM stripped, C1 controls read as Windows-1252).

usage: python3 Benchmarks/machine_text_thermometer.py [--bin .build/release/mojifix] [ROOT ...]
Never a target to tune to: what a machine holds differs from machine to machine.
"""
import argparse, collections, gzip, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def text_files(roots):
    seen = set()
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    if os.path.islink(path) or not 100 <= os.path.getsize(path) <= 600_000:
                        continue
                    data = Path(path).read_bytes()
                    if path.endswith(".gz"):
                        data = gzip.decompress(data)
                    text = data.decode("utf-8")
                except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile):
                    continue
                if b"\0" in data or len(data) > 600_000 or sum(ord(c) > 127 for c in text) < 3 or data in seen:
                    continue
                seen.add(data)
                yield path, data


def judge(bin_, path, data):
    r = subprocess.run([bin_, "repair", "-"], input=data, capture_output=True)
    if r.returncode != 0:
        return "refused" if r.returncode == 3 else "error", r.stderr.decode(errors="replace").strip()[:160]
    if r.stdout == data:
        return "unchanged", ""
    e = subprocess.run([bin_, "explain", "-"], input=data, capture_output=True).stdout.decode(errors="replace")
    return "changed", "\n".join("    " + line[:150] for line in e.splitlines()[1:5])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / ".build" / "release" / "mojifix"))
    ap.add_argument("roots", nargs="*", default=["/usr", str(Path.home() / ".pyenv")])
    args = ap.parse_args()
    files = list(text_files(args.roots))
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda f: judge(args.bin, *f), files))
    counts = collections.Counter(verdict for verdict, _ in results)
    print(f"{len(files)} UTF-8 text files: " + ", ".join(f"{n} {v}" for v, n in counts.most_common()))
    for (path, _), (verdict, detail) in zip(files, results):
        if verdict != "unchanged":
            print(f"{verdict}: {path}\n{detail}")


if __name__ == "__main__":
    sys.exit(main())
