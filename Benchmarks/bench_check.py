#!/usr/bin/env python3
"""Benchmark `mojifix check` on a folder of clean seed-like posts (target: 10,000 posts < 2 s).

Posts are built once into .build/bench-data/check-posts-N/ from the seeds (--seeds DIR, default
../shared/seeds next to the repo) and Corpus/clean: each is a front matter, a title and a seeded
pick of sections cut from the seed posts (at their `## `/`### ` headings and `**1. ` lines), as
long as a seed post picked at random (11-48 KB; 10,000 posts are about 240 MB). The
folder is then made clean the way a repository is, with `mojifix fix` (repair, then normalise, in
place), and `mojifix check` must exit 0 on it (warnings such as heading-outline are printed but
do not fail).

Then the wall time of `mojifix check DIR` (stdout discarded) on both cores, and on one core
(`taskset -c 0`), with hyperfine -N when installed. Needs a release build.
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import print_table  # noqa: E402
from timing import time_commands  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"
TARGET_S = 2.0


def sections(text: str) -> list:
    """The post cut before each `## ` / `### ` heading or `**1. ` bold line (the part before the
    first is dropped)."""
    parts = re.split(r"(?m)^(?=#{2,3} |\*\*\d+\. )", text)
    return [p if p.endswith("\n") else p + "\n" for p in parts[1:] if p.strip()]


def build_posts(folder: Path, count: int, seeds: Path, mojifix: Path) -> None:
    texts = []
    for path in sorted(seeds.glob("*.txt")) + sorted((REPO / "Corpus" / "clean").glob("*.md")):
        # The garbled seed is repaired first, so sections never mix readings.
        out = subprocess.run([str(mojifix), "repair", str(path)], capture_output=True, check=True).stdout
        texts.append(out.decode("utf-8"))
    pool = [s for t in texts for s in sections(t)]
    sizes = [len(t.encode("utf-8")) for t in texts]
    rng = random.Random(20261122)
    staging = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    for n in range(count):
        day = 1 + n % 28
        # As long as a seed post picked at random (11-48 KB).
        size, body = rng.choice(sizes), ""
        while len(body.encode("utf-8")) < size:
            body += rng.choice(pool)
        post = (f"---\ntitle: \"Daily Papers {n}\"\ndate: 2026-02-{day:02d}\ntags: [papers, ai]\n---\n\n"
                f"# Daily Papers {n}\n\n{body}")
        path = staging / f"{n // 1000:02d}" / f"post-{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post, encoding="utf-8")
    # Clean them the way a repository is cleaned; the journal stays out of the posts folder.
    journal = staging.with_name(staging.name + ".journal")
    r = subprocess.run([str(mojifix), "fix", str(staging), "--no-config", "--journal", str(journal)],
                       capture_output=True, text=True)
    shutil.rmtree(journal, ignore_errors=True)
    if r.returncode not in (0, 1):
        sys.exit(f"bench_check: mojifix fix failed: {r.stderr.strip()[:400]}")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--mojifix", type=Path, default=BUILD / "release" / "mojifix",
                    help="binary to time (posts are always built with the release build)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--no-hyperfine", action="store_true")
    ap.add_argument("--rebuild", action="store_true", help="regenerate the posts")
    a = ap.parse_args()
    release = BUILD / "release" / "mojifix"
    if not release.exists() or not a.mojifix.exists():
        print("build first: swift build -c release", file=sys.stderr)
        return 2
    folder = BUILD / "bench-data" / f"check-posts-{a.posts}"
    if a.rebuild or not folder.exists():
        print(f"bench_check: writing {a.posts} posts to {folder.relative_to(REPO)} ...", file=sys.stderr)
        build_posts(folder, a.posts, a.seeds, release)
    files = sorted(folder.rglob("*.md"))
    size = sum(f.stat().st_size for f in files)
    check = [str(a.mojifix), "check", str(folder), "--no-config"]
    r = subprocess.run(check, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"bench_check: check exits {r.returncode} on the clean posts: {(r.stdout + r.stderr)[:400]}", file=sys.stderr)
        return 1
    warnings = len(r.stdout.splitlines())
    cmds = {"2 cores": check, "1 core (taskset -c 0)": ["taskset", "-c", "0"] + check}
    res, method = time_commands(cmds, a.runs, a.warmup, not a.no_hyperfine)
    rows = []
    for name, x in res.items():
        seconds = x["mean_ms"] / 1e3
        status = "PASS" if seconds < TARGET_S else "MISS"
        rows.append([name, f"{seconds:.2f} ± {x['stddev_ms'] / 1e3:.2f} s", f"{x['min_ms'] / 1e3:.2f} s",
                     f"{size / 1e6 / seconds:.0f} MB/s", f"{len(files) / seconds:,.0f}",
                     status if name == "2 cores" else ""])
    print(f"mojifix check on {len(files):,} clean posts ({size / 1e6:.1f} MB, {warnings:,} warning lines), {method}")
    print_table(rows, ["cores", "wall (mean ± sd)", "min", "throughput", "posts/s", f"< {TARGET_S:.0f} s"])
    (BUILD / "bench-check-results.json").write_text(json.dumps(
        {"posts": len(files), "bytes": size, "warning_lines": warnings, "method": method, "results": res}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
