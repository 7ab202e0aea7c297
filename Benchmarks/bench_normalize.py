#!/usr/bin/env python3
"""Benchmark `normalize` beside mdformat on the same Markdown files, in the same run.

Three inputs (MB = 10^6 bytes; MB/s = total bytes / total best time per file):
  raw         the seed posts as the golden tests take them (Corpus/markdown/seed-*.in.md), with
              edits to make: each is parsed in full once, then checked on the quick structure;
  normalised  the same posts normalised (their golden .out.md): the steady state of a repository
              checked on every commit, where the quick structure proves that nothing changes;
  4 MB        every golden input (Corpus/markdown/*.in.md, CRLF and protected zones included)
              concatenated to --size-mb: one large document (mdformat gets a --mdformat-mb slice).
mojifix runs in-process through `mojifix-bench --normalize` (best of --repeat per file, file I/O
excluded; "CPU MB/s" divides by the CPU time of the best runs, steadier on a shared machine),
mdformat through `mdformat.text` in the peers venv (best of --mdformat-repeat per file).
Target: >= 100 MB/s. Needs a release build and the peers venv (Benchmarks/setup_peers.sh).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import print_table  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"
GOLDEN = REPO / "Corpus" / "markdown"
TARGET = 100.0

MDFORMAT = """
import json, sys, time, mdformat
total = 0.0
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    best = 9e9
    for _ in range(int(sys.argv[1])):
        start = time.perf_counter(); mdformat.text(text); best = min(best, time.perf_counter() - start)
    total += best
print(json.dumps(total))
"""


def mojifix_runs(bench: Path, files: list, repeat: int) -> list:
    """mojifix-bench's result per file: bytes, best seconds, changed."""
    out = subprocess.run([str(bench), *map(str, files), "--normalize", "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def mdformat_seconds(python: Path, files: list, repeat: int):
    if not python.exists():
        return None
    p = subprocess.run([str(python), "-c", MDFORMAT, str(repeat), *map(str, files)], capture_output=True, text=True)
    return float(p.stdout) if p.returncode == 0 else None


def concatenated(size_mb: float, slice_mb: float) -> tuple:
    pieces = b"".join(p.read_bytes() for p in sorted(GOLDEN.glob("*.in.md")))
    data = (pieces * int(size_mb * 1e6 / len(pieces) + 1))[: int(size_mb * 1e6)]
    data = data[: data.rfind(b"\n") + 1]
    out = BUILD / "bench-data"
    out.mkdir(parents=True, exist_ok=True)
    big, small = out / "normalize-big.md", out / "normalize-small.md"
    big.write_bytes(data)
    cut = data[: int(slice_mb * 1e6)]
    small.write_bytes(cut[: cut.rfind(b"\n") + 1])
    return big, small


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=20, help="mojifix runs per file (best is kept)")
    ap.add_argument("--mdformat-repeat", type=int, default=3)
    ap.add_argument("--size-mb", type=float, default=4.0)
    ap.add_argument("--mdformat-mb", type=float, default=1.0, help="mdformat's slice of the large document")
    ap.add_argument("--mojifix-bench", type=Path, default=BUILD / "release" / "mojifix-bench")
    ap.add_argument("--venv", type=Path, default=BUILD / "peers-venv")
    a = ap.parse_args()
    if not a.mojifix_bench.exists():
        print("build first: swift build -c release", file=sys.stderr)
        return 2
    raw = sorted(GOLDEN.glob("seed-*.in.md"))
    normalised = [p.with_name(p.name.replace(".in.md", ".out.md")) for p in raw]
    big, small = concatenated(a.size_mb, a.mdformat_mb)
    python = a.venv / "bin" / "python"
    rows, failed, per_file = [], False, []
    for name, files, peer_files, expect_changed in [("raw seed posts", raw, raw, True),
                                                    ("normalised seed posts", normalised, normalised, False),
                                                    (f"{a.size_mb:g} MB document", [big], [small], True)]:
        size = sum(f.stat().st_size for f in files)
        runs = mojifix_runs(a.mojifix_bench, files, a.repeat)
        if any(r["changed"] != expect_changed for r in runs):
            print(f"bench_normalize: {name}: changed flags {[r['changed'] for r in runs]}, expected all {expect_changed}",
                  file=sys.stderr)
            failed = True
        if len(files) > 1:
            per_file.append(f"{name}: " + ", ".join(f"{Path(r['file']).name.split('.')[0]} {r['mb_per_s']:.0f}" for r in runs))
        mojifix = size / 1e6 / sum(r["seconds"] for r in runs)
        # Per CPU second (best run each): steadier than wall time on a shared machine.
        mojifix_cpu = size / 1e6 / sum(r["cpu_seconds"] for r in runs)
        peer = mdformat_seconds(python, peer_files, a.mdformat_repeat)
        mdformat = sum(f.stat().st_size for f in peer_files) / 1e6 / peer if peer else None
        rows.append([name, len(files), f"{size / 1e6:.2f}", f"{mojifix:.1f}", f"{mojifix_cpu:.1f}",
                     f"{mdformat:.2f}" if mdformat else "n/a", f"{mojifix / mdformat:.0f}x" if mdformat else "n/a",
                     "PASS" if mojifix >= TARGET else "MISS"])
    print_table(rows, ["input", "files", "MB", "mojifix MB/s", "CPU MB/s", "mdformat MB/s", "ratio", f">= {TARGET:.0f} MB/s"])
    print("mojifix MB/s per file:")
    for line in per_file:
        print(f"  {line}")
    if not python.exists():
        print("mdformat: n/a (run Benchmarks/setup_peers.sh)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
