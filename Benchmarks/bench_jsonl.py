#!/usr/bin/env python3
"""1 GB of JSON Lines through `mojifix repair --jsonl`, and a slice of it through ftfy 6.3.1.

Run from anywhere, after `swift build -c release`:

    python3 Benchmarks/bench_jsonl.py [--size-mb 1000] [--ftfy-mb 20] [--keep]

What it does, in one run:
  1. Builds records from the project's own texts (Corpus/clean, Corpus/negative, the clean side
     of the golden UTF-8 chains, the seed posts in ../shared/seeds split into chunks of
     paragraphs). About 40% of them are garbled with Python's codecs (UTF-8 read as Mac OS Roman,
     or as Windows-1252 with its five undefined bytes kept as C1 controls); the negatives are
     never garbled. Each record becomes a JSON line with other fields around `text` (an id, a
     source, a nested `meta` that holds its own garbled `text`), in either escaping style
     (Python's ensure_ascii or raw UTF-8), some with CRLF endings.
  2. Writes --size-mb MB (10^6 bytes) of such lines to a temporary folder and runs
     `.build/release/mojifix repair --jsonl < in > out`; prints wall time, MB/s, lines/s and the
     process's peak RSS (os.wait4's ru_maxrss).
  3. Verifies every output line: clean records byte-identical; garbled records changed only
     inside the `text` literal, and the share whose `text` decodes to the exact original.
  4. Runs the first --ftfy-mb MB of the same lines through ftfy.fix_text per line in the peer
     venv (json.loads, fix_text, json.dumps; in-process time) and through mojifix (whole process),
     and prints both speeds and the ratio.
  5. Deletes the generated files (unless --keep).

Exit status: 0 checks passed, 1 a correctness check failed, 2 the release binary is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import print_table  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000
UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
W1252 = [chr(b) if b in UNDEFINED_1252 else bytes([b]).decode("cp1252") for b in range(256)]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def garble(text: str, chain: str) -> str:
    data = text.encode("utf-8")
    return data.decode("mac_roman") if chain == "macintosh" else "".join(W1252[b] for b in data)


# --------------------------------------------------------------------------- records

def chunks(text: str, rng: random.Random):
    """Paragraph groups of 200 to 4,000 bytes: record-sized pieces of a long post."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    piece, size, target = [], 0, rng.randint(200, 4000)
    for p in paragraphs:
        piece.append(p)
        size += len(p.encode())
        if size >= target:
            yield "\n\n".join(piece)
            piece, size, target = [], 0, rng.randint(200, 4000)
    if piece:
        yield "\n\n".join(piece)


def source_texts(seeds: Path, rng: random.Random):
    """(source, text, may_garble) from the project's own clean texts."""
    for path in sorted(seeds.glob("*.txt")):
        data = path.read_text(encoding="utf-8")
        if path.name.startswith("002_"):  # the garbled seed: its exact repair is the clean text
            data = data.encode("mac_roman").decode("utf-8")
        for piece in chunks(data, rng):
            yield f"seeds/{path.name[:3]}", piece, True
    for path in sorted((REPO / "Corpus" / "clean").glob("*.md")):
        for piece in chunks(path.read_text(encoding="utf-8"), rng):
            yield f"clean/{path.name}", piece, True
    for path in sorted((REPO / "Corpus" / "negative").glob("*.txt")):
        yield f"negative/{path.name}", path.read_text(encoding="utf-8"), False
    for folder in sorted((REPO / "Corpus" / "golden").glob("utf8-as-*")):
        for path in sorted(folder.glob("*.out")):
            yield f"golden/{folder.name}/{path.stem}", path.read_text(encoding="utf-8"), True


def build_pool(seeds: Path, seed: int) -> list[dict]:
    rng = random.Random(seed)
    pool = []
    for source, text, may_garble in source_texts(seeds, rng):
        for variant in range(2):  # each text once clean, once perhaps garbled
            chain = rng.choice(["macintosh", "windows-1252"]) if may_garble and (variant == 1 and rng.random() < 0.8) else None
            value = garble(text, chain) if chain else text
            ascii_only = rng.random() < 0.5
            meta = {"chars": len(text), "chain": chain, "text": garble(text[:40], "macintosh")}
            head = json.dumps({"source": source, "lang": source.split("/")[-1][:2]}, ensure_ascii=ascii_only)[1:-1]
            tail = json.dumps({"meta": meta, "tags": ["a", "é", 1.5]}, ensure_ascii=ascii_only)[1:-1]
            pool.append(dict(
                prefix_rest=(head + ', "text": ').encode(),
                literal=json.dumps(value, ensure_ascii=ascii_only).encode(),
                suffix=(", " + tail + "}").encode(),
                ending=b"\r\n" if rng.random() < 0.05 else b"\n",
                clean=text, garbled=chain is not None))
    rng.shuffle(pool)
    return pool


def line_prefix(n: int, record: dict) -> bytes:
    return b'{"id": %d, ' % n + record["prefix_rest"]


def write_lines(path: Path, pool: list[dict], size: int) -> int:
    n, written = 0, 0
    with open(path, "wb", buffering=1 << 20) as f:
        while written < size:
            block = []
            for _ in range(1000):
                r = pool[n % len(pool)]
                block.append(line_prefix(n, r) + r["literal"] + r["suffix"] + r["ending"])
                n += 1
            data = b"".join(block)
            f.write(data)
            written += len(data)
    return n


# --------------------------------------------------------------------------- runs

def run_mojifix(binary: Path, src: Path, dst: Path, errors: Path) -> dict:
    with open(src, "rb") as fin, open(dst, "wb") as fout, open(errors, "wb") as ferr:
        t0 = time.perf_counter()
        p = subprocess.Popen([str(binary), "repair", "--jsonl"], stdin=fin, stdout=fout, stderr=ferr)
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return dict(seconds=seconds, exit=p.returncode, peak_rss_mb=usage.ru_maxrss * 1024 / MB,
                cpu=usage.ru_utime + usage.ru_stime, stderr=errors.read_bytes().decode("utf-8", "replace"))


def verify(src: Path, dst: Path, pool: list[dict]) -> dict:
    """Every line: clean records identical; garbled ones changed only inside `text`."""
    stats = dict(lines=0, clean=0, clean_identical=0, garbled=0, garbled_exact=0, outside_changed=0)
    first_rest: dict[int, bytes] = {}
    with open(src, "rb") as fin, open(dst, "rb") as fout:
        for n, (a, b) in enumerate(zip(fin, fout)):
            stats["lines"] += 1
            k = n % len(pool)
            r = pool[k]
            if not r["garbled"]:
                stats["clean"] += 1
                stats["clean_identical"] += a == b
                continue
            stats["garbled"] += 1
            prefix = line_prefix(n, r)
            if not (b.startswith(prefix) and b.endswith(r["suffix"] + r["ending"])):
                stats["outside_changed"] += 1
                continue
            rest = b[len(prefix):]
            if k not in first_rest:  # decode each record's repair once; later copies must match it
                first_rest[k] = rest
                r["exact"] = json.loads(b)["text"] == r["clean"]
            elif rest != first_rest[k]:
                stats["outside_changed"] += 1
            stats["garbled_exact"] += r["exact"]
        stats["extra_output"] = fout.read(1) != b""
    return stats


FTFY_WORKER = r"""
import json, sys, time
import ftfy
lines = open(sys.argv[1], "rb").read().splitlines(keepends=True)
t, cpu = time.perf_counter(), time.process_time()
out = []
for line in lines:
    obj = json.loads(line)
    obj["text"] = ftfy.fix_text(obj["text"])
    out.append(json.dumps(obj, ensure_ascii=False))
seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
print(json.dumps({"version": ftfy.__version__, "seconds": seconds, "cpu": cpu, "texts": [json.loads(o)["text"] for o in out]}))
"""


def run_ftfy(python: Path, path: Path) -> dict | None:
    r = subprocess.run([str(python), "-c", FTFY_WORKER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        log(f"bench_jsonl: ftfy failed: {r.stderr.decode()[-500:]}")
        return None
    return json.loads(r.stdout)


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=1000, help="size of the generated JSON Lines (MB = 10^6 bytes)")
    ap.add_argument("--ftfy-mb", type=float, default=20, help="slice compared with ftfy (0: skip)")
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--mojifix", type=Path, default=REPO / ".build" / "release" / "mojifix", help="the binary to measure (before/after)")
    a = ap.parse_args()

    binary = a.mojifix
    if not binary.exists():
        log("bench_jsonl: .build/release/mojifix missing; run `swift build -c release` first")
        return 2
    pool = build_pool(a.seeds, a.seed)
    folder = Path(tempfile.mkdtemp(prefix="mojifix-jsonl-", dir=a.tmp))
    src, dst, errors = folder / "in.jsonl", folder / "out.jsonl", folder / "stderr.txt"
    ok = True
    try:
        t = time.perf_counter()
        lines = write_lines(src, pool, int(a.size_mb * MB))
        size = src.stat().st_size
        log(f"bench_jsonl: {size / MB:,.0f} MB, {lines:,} lines from {len(pool):,} records "
            f"({sum(r['garbled'] for r in pool):,} garbled) written in {time.perf_counter() - t:.1f} s")
        run = run_mojifix(binary, src, dst, errors)
        log(f"bench_jsonl: mojifix done in {run['seconds']:.1f} s; verifying")
        check = verify(src, dst, pool)
        rows = [
            ["input", f"{size / MB:,.0f} MB, {lines:,} lines"],
            ["wall time", f"{run['seconds']:.1f} s (CPU {run['cpu']:.1f} s on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})"],
            ["throughput", f"{size / MB / run['seconds']:.1f} MB/s, {lines / run['seconds']:,.0f} lines/s "
                           f"({size / MB / run['cpu']:.1f} MB per CPU second)"],
            ["peak RSS", f"{run['peak_rss_mb']:.1f} MB"],
            ["exit code", f"{run['exit']}" + (f" (stderr: {run['stderr'][:200]!r})" if run["stderr"] else "")],
            ["lines out", f"{check['lines']:,}" + (" + extra output" if check["extra_output"] else "")],
            ["clean lines identical", f"{check['clean_identical']:,} / {check['clean']:,}"],
            ["garbled: bytes outside text changed", f"{check['outside_changed']:,}"],
            ["garbled: text decodes to the original", f"{check['garbled_exact']:,} / {check['garbled']:,} "
                                                      f"({100 * check['garbled_exact'] / max(1, check['garbled']):.1f}%)"],
        ]
        ok = (run["exit"] == 0 and check["lines"] == lines and not check["extra_output"]
              and check["clean_identical"] == check["clean"] and check["outside_changed"] == 0)

        if a.ftfy_mb > 0:
            rows += compare_with_ftfy(binary, src, folder, a.ftfy_mb, pool)
        print_table(rows, ["repair --jsonl", "measured"])
    finally:
        if not a.keep:
            for p in (src, dst, errors, folder / "slice.jsonl", folder / "slice.out"):
                p.unlink(missing_ok=True)
            folder.rmdir()
        else:
            log(f"bench_jsonl: kept {folder}")
    print("checks:", "passed" if ok else "FAILED")
    return 0 if ok else 1


def compare_with_ftfy(binary: Path, src: Path, folder: Path, slice_mb: float, pool: list[dict]) -> list[list[str]]:
    with open(src, "rb") as f:
        data = f.read(int(slice_mb * MB))
    data = data[: data.rfind(b"\n") + 1]
    part = folder / "slice.jsonl"
    part.write_bytes(data)
    count = data.count(b"\n")
    run = run_mojifix(binary, part, folder / "slice.out", folder / "stderr.txt")
    rows = [["slice", f"{len(data) / MB:.1f} MB, {count:,} lines"],
            ["  mojifix (whole process)", f"{run['seconds']:.2f} s, {len(data) / MB / run['seconds']:.1f} MB/s "
                                                   f"({len(data) / MB / run['cpu']:.1f} MB per CPU second)"]]
    venv = REPO / ".build" / "peers-venv"
    subprocess.run(["bash", str(REPO / "Benchmarks" / "setup_peers.sh")], stdout=subprocess.DEVNULL)
    ftfy = run_ftfy(venv / "bin" / "python", part) if (venv / "bin" / "python").exists() else None
    if ftfy is None:
        return rows + [["  ftfy", "n/a (no peer venv)"]]
    garbled = [pool[n % len(pool)] for n in range(count)]
    fixed = sum(1 for r, t in zip(garbled, ftfy["texts"]) if r["garbled"] and t == r["clean"])
    rows += [["  ftfy " + ftfy["version"] + " fix_text per line (in-process)",
              f"{ftfy['seconds']:.2f} s, {len(data) / MB / ftfy['seconds']:.2f} MB/s "
              f"({len(data) / MB / ftfy['cpu']:.2f} MB per CPU second)"],
             ["  ftfy: text equals the original", f"{fixed:,} / {sum(r['garbled'] for r in garbled):,} garbled lines"],
             ["  speed ratio", f"mojifix {ftfy['seconds'] / run['seconds']:.1f}x ftfy in wall time "
                               f"(mojifix on every core), {ftfy['cpu'] / run['cpu']:.1f}x per CPU second"]]
    return rows


if __name__ == "__main__":
    sys.exit(main())
