#!/usr/bin/env python3
"""Benchmark mojifix against ftfy 6.3.1 on the project's seed documents.

Run from anywhere:  python3 Benchmarks/bench_repair.py [--quick] [options]

What it does, in one run:
  1. Builds inputs into .build/bench-data/ from the seeds directory
     (default ../shared/seeds relative to the repo root):
       clean.md     seeds 000,001,003,004 concatenated repeatedly to ~20 MB
       garbled.txt  seed 002 (UTF-8 read as Mac OS Roman) repeated to ~20 MB
       seeds/       the individual seed files
     plus expected/ outputs computed independently in Python
     (Mac OS Roman -> UTF-8 reversal of 002; clean input = unchanged).
  2. Correctness: `mojifix repair` must reproduce seed 002's known SHA-256,
     return every clean input byte-for-byte, and repair the 20 MB garbled
     file exactly; mojifix-bench must report changed=false/true accordingly.
  3. In-process speed: mojifix-bench (best of --repeat runs, no file I/O)
     vs ftfy.fix_text in the peer venv (best of --ftfy-repeat runs, on a
     --ftfy-mb slice because ftfy runs at ~1 MB/s). MB = 10^6 bytes.
  4. Per-file process time: `mojifix repair FILE >/dev/null` vs
     `python -m ftfy.cli FILE >/dev/null` on each seed (mean of --runs runs;
     hyperfine -N if installed, else subprocess timing).
  5. Prints a table with the targets (clean >= 1 GB/s, garbled >= 100 MB/s,
     < 15 ms per file) and writes .build/bench-results.json.

Exit status: 0 = correctness checks passed (targets may MISS; add
--fail-on-miss to make a MISS fail), 1 = a correctness check failed,
2 = mojifix binaries missing (use --ftfy-only to measure just the peer).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import print_table  # noqa: E402
from timing import time_commands  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"
SEED_002_FIXED_SHA256 = "a21871412f7021446ec45745317e8ce88aca672efdb643834881d1fb315b862c"
CLEAN_SEEDS = ("000", "001", "003", "004")
GARBLED_SEED = "002"
MB = 1_000_000
TARGETS = {
    "clean_inproc_mb_per_s": 1000.0,   # >= 1 GB/s
    "garbled_inproc_mb_per_s": 100.0,  # >= 100 MB/s
    "process_ms_per_file": 15.0,       # < 15 ms
}
FTFY_VERSION = "6.3.1"


# --------------------------------------------------------------------------- utils

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def rel(p: Path | str) -> str:
    p = Path(p)
    try:
        return str(p.resolve().relative_to(REPO))
    except ValueError:
        return str(p)


def find_seed(seeds: Path, prefix: str) -> Path:
    hits = sorted(seeds.glob(f"{prefix}_*.txt"))
    if not hits:
        raise SystemExit(f"bench_repair: no seed {prefix}_*.txt in {seeds}")
    return hits[0]


def macroman_reverse(data: bytes) -> bytes:
    """The known exact repair of seed 002: encode(Mac OS Roman) -> decode(UTF-8)."""
    return data.decode("utf-8").encode("mac_roman").decode("utf-8").encode("utf-8")


# --------------------------------------------------------------------------- inputs

def build_inputs(seeds: Path, size_mb: float, data_dir: Path) -> dict:
    target = int(size_mb * MB)
    clean_block = b""
    for p in CLEAN_SEEDS:
        b = find_seed(seeds, p).read_bytes()
        clean_block += b if b.endswith(b"\n") else b + b"\n"   # 003 has no final newline
    g_path = find_seed(seeds, GARBLED_SEED)
    garbled_block = g_path.read_bytes()
    if not garbled_block.endswith(b"\n"):
        garbled_block += b"\n"
    fixed_block = macroman_reverse(garbled_block)

    n_clean = max(1, -(-target // len(clean_block)))
    n_garbled = max(1, -(-target // len(garbled_block)))
    inputs = {}

    clean = clean_block * n_clean
    inputs["clean"] = dict(path=data_dir / "clean.md", data=clean, expected=clean,
                           kind="clean", note=f"seeds {','.join(CLEAN_SEEDS)} x{n_clean}")
    garbled = garbled_block * n_garbled
    inputs["garbled"] = dict(path=data_dir / "garbled.txt", data=garbled,
                             expected=fixed_block * n_garbled, kind="garbled",
                             note=f"seed {GARBLED_SEED} x{n_garbled}")
    for p in CLEAN_SEEDS + (GARBLED_SEED,):
        src = find_seed(seeds, p)
        b = src.read_bytes()
        kind = "garbled" if p == GARBLED_SEED else "clean"
        exp = macroman_reverse(b) if kind == "garbled" else b
        inputs[f"seed-{p}"] = dict(path=data_dir / "seeds" / src.name, data=b, expected=exp,
                                   kind=kind, note=src.name)

    exp002 = inputs[f"seed-{GARBLED_SEED}"]["expected"]
    if sha256(exp002) != SEED_002_FIXED_SHA256:
        raise SystemExit("bench_repair: seed 002's Mac OS Roman reversal does not match the "
                         "known SHA-256; the seeds directory is not the expected one")
    for name, inp in inputs.items():
        write_if_changed(inp["path"], inp["data"])
        if inp["kind"] == "garbled":
            write_if_changed(data_dir / "expected" / inp["path"].name, inp["expected"])
        inp["bytes"] = len(inp["data"])
        inp["sha256"] = sha256(inp["data"])
    return inputs


# --------------------------------------------------------------------------- mojifix

def run_mojifix_checks(mojifix: Path, inputs: dict) -> list[dict]:
    checks = []
    for name, inp in inputs.items():
        t0 = time.perf_counter()
        r = subprocess.run([str(mojifix), "repair", str(inp["path"])],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        out = r.stdout
        if name == f"seed-{GARBLED_SEED}":
            what = f"seed {GARBLED_SEED} repaired, SHA-256 {SEED_002_FIXED_SHA256[:12]}.."
            ok = r.returncode == 0 and sha256(out) == SEED_002_FIXED_SHA256
        elif inp["kind"] == "clean":
            what = f"{name}: clean input unchanged"
            ok = r.returncode == 0 and out == inp["data"]
        else:
            what = f"{name}: garbled input repaired exactly"
            ok = r.returncode == 0 and out == inp["expected"]
        detail = f"exit {r.returncode}, {len(out)} bytes out"
        if not ok and r.returncode == 0:
            detail += f", sha256 {sha256(out)[:12]}.."
            if inp["kind"] == "clean":
                detail += f", first diff at byte {first_diff(out, inp['data'])}"
        if r.stderr.strip():
            detail += f", stderr: {r.stderr.decode('utf-8', 'replace').strip()[:200]}"
        checks.append(dict(check=what, ok=ok, detail=detail, input=name,
                           process_seconds_single_run=dt))
    return checks


def first_diff(a: bytes, b: bytes) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def run_mojifix_bench(bench: Path, inputs: dict, names: list[str], repeat: int) -> dict:
    files = [str(inputs[n]["path"]) for n in names]
    r = subprocess.run([str(bench), *files, "--repeat", str(repeat)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"mojifix-bench exited {r.returncode}: {r.stderr.strip()[:500]}")
    by_file = {}
    for line in r.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            obj = json.loads(line)
            by_file[os.path.realpath(obj["file"])] = obj
    res = {}
    for n in names:
        obj = by_file.get(os.path.realpath(inputs[n]["path"]))
        if obj is None:
            raise RuntimeError(f"mojifix-bench printed no result for {inputs[n]['path']}")
        secs = float(obj["seconds"])
        res[n] = dict(bytes=int(obj["bytes"]), seconds=secs,
                      mb_per_s=(int(obj["bytes"]) / secs / MB) if secs > 0 else float("inf"),
                      reported_mb_per_s=obj.get("mb_per_s"), changed=obj.get("changed"))
    return res


# --------------------------------------------------------------------------- ftfy

FTFY_WORKER = r"""
import hashlib, json, sys, time
import ftfy
jobs = json.load(sys.stdin)
out = []
for job in jobs:
    data = open(job["path"], "rb").read()
    if job["slice_bytes"] and len(data) > job["slice_bytes"]:
        cut = data.rfind(b"\n", 0, job["slice_bytes"])
        data = data[: cut + 1 if cut > 0 else job["slice_bytes"]]
    text = data.decode("utf-8")
    times = []
    for _ in range(job["repeat"]):
        t = time.perf_counter()
        fixed = ftfy.fix_text(text)
        times.append(time.perf_counter() - t)
    res = {"name": job["name"], "bytes": len(data), "seconds": min(times), "times": times,
           "changed": fixed != text, "sha256": hashlib.sha256(fixed.encode()).hexdigest()}
    if job.get("garbled"):
        # exact repair of this (newline-aligned) slice: Mac OS Roman -> UTF-8
        exp = text.encode("mac_roman").decode("utf-8")
        got_lines, exp_lines = fixed.splitlines(), exp.splitlines()
        res["lines"] = len(exp_lines)
        res["lines_not_repaired"] = sum(1 for g, e in zip(got_lines, exp_lines) if g != e) + abs(len(got_lines) - len(exp_lines))
        res["exact"] = fixed == exp
    out.append(res)
json.dump({"ftfy_version": ftfy.__version__, "results": out}, sys.stdout)
"""


def ensure_peers(venv: Path, allow_setup: bool) -> Path | None:
    py = venv / "bin" / "python"
    if allow_setup:
        r = subprocess.run(["bash", str(REPO / "Benchmarks" / "setup_peers.sh")],
                           env={**os.environ, "PEERS_VENV": str(venv)},
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in r.stdout.splitlines():
            log(line)
    if not py.exists():
        return None
    r = subprocess.run([str(py), "-c", "import ftfy; print(ftfy.__version__)"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if r.returncode != 0:
        return None
    if r.stdout.strip() != FTFY_VERSION:
        log(f"bench_repair: warning: venv has ftfy {r.stdout.strip()}, not {FTFY_VERSION}")
    return py


def run_ftfy_inproc(py: Path, jobs: list[dict]) -> dict:
    r = subprocess.run([str(py), "-c", FTFY_WORKER], input=json.dumps(jobs),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"ftfy worker failed: {r.stderr.strip()[-800:]}")
    obj = json.loads(r.stdout)
    res = {}
    for x in obj["results"]:
        x["mb_per_s"] = x["bytes"] / x["seconds"] / MB
        res[x["name"]] = x
    return res


# --------------------------------------------------------------------------- report

def fmt(x, spec="{:.1f}", none="n/a"):
    return none if x is None else spec.format(x)


def status(value, target, higher_is_better):
    if value is None:
        return "n/a"
    return "PASS" if (value >= target if higher_is_better else value < target) else "MISS"



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path,
                    default=Path(os.environ.get("MOJIFIX_SEEDS", REPO.parent / "shared" / "seeds")),
                    help="seed documents (default: ../shared/seeds from the repo root, or $MOJIFIX_SEEDS)")
    ap.add_argument("--mojifix", type=Path,
                    default=Path(os.environ.get("MOJIFIX_BIN", BUILD / "release" / "mojifix")))
    ap.add_argument("--mojifix-bench", type=Path,
                    default=Path(os.environ.get("MOJIFIX_BENCH_BIN", BUILD / "release" / "mojifix-bench")))
    ap.add_argument("--venv", type=Path, default=Path(os.environ.get("PEERS_VENV", BUILD / "peers-venv")))
    ap.add_argument("--data-dir", type=Path, default=BUILD / "bench-data")
    ap.add_argument("--out", type=Path, default=BUILD / "bench-results.json")
    ap.add_argument("--size-mb", type=float, default=20.0, help="size of the big inputs (default 20)")
    ap.add_argument("--repeat", type=int, default=5, help="mojifix-bench --repeat (default 5)")
    ap.add_argument("--ftfy-mb", type=float, default=2.0,
                    help="ftfy in-process slice of the big inputs in MB; 0 = whole file (default 2)")
    ap.add_argument("--ftfy-repeat", type=int, default=3, help="ftfy runs, best taken (default 3)")
    ap.add_argument("--runs", type=int, default=30, help="process runs per file (default 30)")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--no-hyperfine", action="store_true", help="time processes from Python")
    ap.add_argument("--no-ftfy", action="store_true", help="skip the peer")
    ap.add_argument("--ftfy-only", action="store_true", help="measure only the peer (no mojifix)")
    ap.add_argument("--no-setup", action="store_true", help="do not run setup_peers.sh")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 2 MB inputs, ftfy on 0.5 MB, 10 process runs")
    ap.add_argument("--fail-on-miss", action="store_true", help="exit 1 if a target is MISSed")
    a = ap.parse_args()
    if a.quick:
        a.size_mb, a.ftfy_mb, a.runs, a.warmup, a.repeat, a.ftfy_repeat = 2, 0.5, 10, 1, 3, 2

    seeds = a.seeds.resolve()
    if not seeds.is_dir():
        log(f"bench_repair: seeds directory not found: {seeds} (use --seeds)")
        return 2
    have_mojifix = not a.ftfy_only
    if have_mojifix:
        missing = [p for p in (a.mojifix, a.mojifix_bench) if not os.access(p, os.X_OK)]
        if missing:
            log("bench_repair: not found: " + ", ".join(map(str, missing)))
            log("  build with `swift build -c release` (or pass --mojifix/--mojifix-bench, "
                "or --ftfy-only to measure just the peer)")
            return 2

    log(f"bench_repair: building inputs in {rel(a.data_dir)} from {seeds}")
    inputs = build_inputs(seeds, a.size_mb, a.data_dir)
    seed_names = [n for n in inputs if n.startswith("seed-")]

    results: dict = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpu": cpu_model(), "cores": os.cpu_count(),
                    "python": platform.python_version()},
        "units": "MB = 10^6 bytes; ms = milliseconds of wall time",
        "targets": TARGETS,
        "inputs": {n: {"path": rel(i["path"]), "bytes": i["bytes"], "sha256": i["sha256"],
                       "kind": i["kind"], "note": i["note"]} for n, i in inputs.items()},
        "mojifix": {"binary": str(a.mojifix), "bench_binary": str(a.mojifix_bench)} if have_mojifix else None,
        "ftfy": None,
    }
    exit_code = 0

    # ---- correctness + mojifix in-process
    if have_mojifix:
        ver = subprocess.run([str(a.mojifix), "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
        results["mojifix"]["version"] = ver.stdout.strip() if ver.returncode == 0 else None
        log("bench_repair: correctness checks (mojifix repair)")
        checks = run_mojifix_checks(a.mojifix, inputs)
        log(f"bench_repair: mojifix-bench --repeat {a.repeat}")
        try:
            mb = run_mojifix_bench(a.mojifix_bench, inputs, list(inputs), a.repeat)
        except (RuntimeError, ValueError, KeyError) as e:
            checks.append(dict(check="mojifix-bench runs and prints one JSON object per file",
                               ok=False, detail=str(e)[:300], input=None))
            mb = {}
        for n, r in mb.items():
            want = inputs[n]["kind"] == "garbled"
            checks.append(dict(check=f"mojifix-bench {n}: changed={str(want).lower()}",
                               ok=r["changed"] is want, detail=f"reported changed={r['changed']}",
                               input=n))
            if r["bytes"] != inputs[n]["bytes"]:
                checks.append(dict(check=f"mojifix-bench {n}: byte count", ok=False,
                                   detail=f"{r['bytes']} != {inputs[n]['bytes']}", input=n))
        results["mojifix"]["inproc"] = mb
        results["checks"] = checks
        if not all(c["ok"] for c in checks):
            exit_code = 1

    # ---- ftfy in-process
    py = None
    if not a.no_ftfy:
        py = ensure_peers(a.venv, not a.no_setup)
        if py is None:
            log("bench_repair: ftfy venv not available; peer columns will be n/a")
    if py is not None:
        slice_bytes = int(a.ftfy_mb * MB) if a.ftfy_mb > 0 else 0
        jobs = []
        for n, inp in inputs.items():
            big = not n.startswith("seed-")
            jobs.append(dict(name=n, path=str(inp["path"]), repeat=a.ftfy_repeat,
                             slice_bytes=slice_bytes if big else 0,
                             garbled=inp["kind"] == "garbled"))
        log(f"bench_repair: ftfy.fix_text in-process (best of {a.ftfy_repeat}"
            + (f", {a.ftfy_mb:g} MB slices of the big inputs)" if slice_bytes else ", whole files)"))
        fres = run_ftfy_inproc(py, jobs)
        results["ftfy"] = {"python": str(py), "version": FTFY_VERSION, "inproc": fres,
                           "inproc_slice_mb": a.ftfy_mb if slice_bytes else None}

    # ---- process time per file
    cmds = {}
    for n in seed_names:
        f = str(inputs[n]["path"])
        if have_mojifix:
            cmds[f"mojifix:{n}"] = [str(a.mojifix), "repair", f]
        if py is not None:
            cmds[f"ftfy:{n}"] = [str(py), "-m", "ftfy.cli", f]
    if cmds:
        log(f"bench_repair: process time per file, {a.runs} runs each ({len(cmds)} commands)")
        proc, method = time_commands(cmds, a.runs, a.warmup, not a.no_hyperfine)
        results["process"] = {"method": method, "per_command": proc}
    else:
        proc, method = {}, None

    # ---- summary
    def inproc(tool, n):
        t = results.get(tool) or {}
        r = (t.get("inproc") or {}).get(n)
        return r["mb_per_s"] if r else None

    def per_file(tool, agg):
        vals = [proc[f"{tool}:{n}"]["mean_ms"] for n in seed_names if f"{tool}:{n}" in proc]
        return agg(vals) if vals else None

    summary = {
        "clean_inproc_mb_per_s": {"mojifix": inproc("mojifix", "clean"), "ftfy": inproc("ftfy", "clean")},
        "garbled_inproc_mb_per_s": {"mojifix": inproc("mojifix", "garbled"), "ftfy": inproc("ftfy", "garbled")},
        "process_ms_per_file": {"mojifix": per_file("mojifix", max), "ftfy": per_file("ftfy", max)},
        "process_ms_per_file_mean": {"mojifix": per_file("mojifix", statistics.mean),
                                     "ftfy": per_file("ftfy", statistics.mean)},
    }
    for k, v in summary.items():
        v["ratio_mojifix_over_ftfy"] = (v["mojifix"] / v["ftfy"]) if v["mojifix"] and v["ftfy"] else None
        tk = k if k in TARGETS else None
        if tk:
            v["target"] = TARGETS[tk]
            v["status"] = status(v["mojifix"], TARGETS[tk], higher_is_better=not k.startswith("process"))
    results["summary"] = summary

    # ---- print
    print()
    if have_mojifix:
        print("Correctness")
        for c in results["checks"]:
            print(f"  [{'ok' if c['ok'] else 'FAIL'}] {c['check']}  ({c['detail']})")
        print()
    sl = f" (ftfy on a {a.ftfy_mb:g} MB slice)" if py is not None and a.ftfy_mb > 0 else ""
    print(f"In-process throughput, MB/s (MB = 10^6 bytes; best of N){sl}")
    rows = []
    for n, inp in inputs.items():
        m, f = inproc("mojifix", n), inproc("ftfy", n)
        rows.append([n, f"{inp['bytes'] / MB:.2f}", fmt(m), fmt(f, "{:.2f}"),
                     fmt(m / f if m and f else None, "{:.0f}x")])
    print_table(rows, ["input", "MB", "mojifix", "ftfy", "mojifix/ftfy"])
    if py is not None:
        g = results["ftfy"]["inproc"].get(f"seed-{GARBLED_SEED}", {})
        if "lines_not_repaired" in g:
            print(f"  ftfy on seed {GARBLED_SEED}: {g['lines_not_repaired']} of {g['lines']} lines "
                  f"differ from the exact repair (exact: {g['exact']})")
        for n in ("clean",) + tuple(f"seed-{p}" for p in CLEAN_SEEDS):
            r = results["ftfy"]["inproc"].get(n)
            if r and r["changed"]:
                print(f"  note: ftfy.fix_text changed clean input {n} (fix_text also uncurls quotes, NFC, ...)")
    print()
    if have_mojifix:
        e2e = [c for c in results["checks"] if c.get("process_seconds_single_run")
               and c["input"] in ("clean", "garbled")]
        if e2e:
            print("  mojifix repair as a process on the big files (1 run, incl. start-up, read, "
                  "write to a pipe): " + ", ".join(
                      f"{c['input']} {inputs[c['input']]['bytes'] / c['process_seconds_single_run'] / MB:.0f} MB/s"
                      for c in e2e))
        print()
    if proc:
        print(f"Process time per file, ms (mean of {a.runs}; {method})")
        rows = []
        for n in seed_names:
            m = proc.get(f"mojifix:{n}")
            f = proc.get(f"ftfy:{n}")
            rows.append([n, f"{inputs[n]['bytes'] / 1000:.1f} kB",
                         f"{m['mean_ms']:.1f} ± {m['stddev_ms']:.1f}" if m else "n/a",
                         f"{f['mean_ms']:.1f} ± {f['stddev_ms']:.1f}" if f else "n/a",
                         fmt(m["mean_ms"] / f["mean_ms"] if m and f else None, "{:.3f}")])
        print_table(rows, ["file", "size", "mojifix", "ftfy (python -m ftfy.cli)", "mojifix/ftfy"])
        print()
    print("Targets (mojifix)")
    rows = []
    labels = {"clean_inproc_mb_per_s": ("clean, in-process", ">= 1000 MB/s", "{:.1f} MB/s"),
              "garbled_inproc_mb_per_s": ("garbled, in-process", ">= 100 MB/s", "{:.1f} MB/s"),
              "process_ms_per_file": ("per file (worst seed)", "< 15 ms", "{:.1f} ms")}
    for k, (label, tgt, spec) in labels.items():
        v = summary[k]
        rows.append([label, fmt(v["mojifix"], spec), fmt(v["ftfy"], spec.replace(".1f", ".2f")),
                     fmt(v["ratio_mojifix_over_ftfy"], "{:.3g}"), tgt, v["status"]])
    print_table(rows, ["metric", "mojifix", "ftfy", "mojifix/ftfy", "target", "status"])
    misses = [k for k in labels if summary[k]["status"] == "MISS"]
    if have_mojifix and not all(c["ok"] for c in results["checks"]):
        print("\nRESULT: correctness FAILED")
    elif have_mojifix:
        print(f"\nRESULT: correctness ok; targets: {3 - len(misses)} PASS, {len(misses)} MISS")
    if a.fail_on_miss and misses:
        exit_code = exit_code or 1
    results["exit_code"] = exit_code

    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"wrote {rel(a.out)}")
    return exit_code


def cpu_model() -> str | None:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


if __name__ == "__main__":
    sys.exit(main())
