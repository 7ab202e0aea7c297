#!/usr/bin/env python3
"""Benchmark `normalize` beside mdformat on the same Markdown, in the same run.

Inputs: the project's Markdown golden inputs (Corpus/markdown/*.in.md) concatenated to ~N MB.
Prints MB/s in-process for mojifix (mojifix-bench --normalize) and mdformat (mdformat.text), the
ratio, and the target (>= 100 MB/s). Needs a release build and the peers venv
(Benchmarks/setup_peers.sh).
"""
import argparse, json, subprocess, sys, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=4.0)
    ap.add_argument("--mdformat-mb", type=float, default=1.0, help="mdformat is slow: it gets a slice of this size")
    ap.add_argument("--venv", type=Path, default=BUILD / "peers-venv")
    a = ap.parse_args()
    pieces = b"".join(p.read_bytes() for p in sorted((REPO / "Corpus" / "markdown").glob("*.in.md")))
    data = (pieces * int(a.size_mb * 1e6 / len(pieces) + 1))[: int(a.size_mb * 1e6)]
    while data and data[-1] & 0xC0 == 0x80:
        data = data[:-1]
    data = data[: data.rfind(b"\n") + 1]
    out = BUILD / "bench-data"
    out.mkdir(parents=True, exist_ok=True)
    big, small = out / "normalize-big.md", out / "normalize-small.md"
    big.write_bytes(data)
    cut = data[: int(a.mdformat_mb * 1e6)]
    small.write_bytes(cut[: cut.rfind(b"\n") + 1])

    bench = BUILD / "release" / "mojifix-bench"
    if not bench.exists():
        print("build first: swift build -c release", file=sys.stderr)
        return 2
    r = json.loads(subprocess.run([str(bench), str(big), "--normalize", "--repeat", "3"], check=True,
                                  capture_output=True, text=True).stdout.splitlines()[0])
    mojifix = r["mb_per_s"]

    python = a.venv / "bin" / "python"
    mdformat = None
    if python.exists():
        code = ("import mdformat,sys,time;t=open(sys.argv[1],encoding='utf-8').read();best=9e9\n"
                "for _ in range(2):\n s=time.perf_counter();mdformat.text(t);best=min(best,time.perf_counter()-s)\n"
                "print(len(t.encode())/1e6/best)")
        p = subprocess.run([str(python), "-c", code, str(small)], capture_output=True, text=True)
        if p.returncode == 0:
            mdformat = float(p.stdout.strip())
    print(f"{'tool':10} {'MB':>6} {'MB/s':>9}")
    print(f"{'mojifix':10} {len(data)/1e6:6.2f} {mojifix:9.1f}")
    if mdformat is not None:
        print(f"{'mdformat':10} {small.stat().st_size/1e6:6.2f} {mdformat:9.2f}")
        print(f"ratio mojifix/mdformat: {mojifix/mdformat:.1f}x")
    else:
        print("mdformat: n/a (run Benchmarks/setup_peers.sh)")
    status = "PASS" if mojifix >= 100 else "MISS"
    print(f"target: normalize >= 100 MB/s in-process: {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
