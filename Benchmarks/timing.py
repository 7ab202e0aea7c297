"""Wall-clock timing of whole processes for the benchmark scripts (hyperfine when installed)."""
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def time_commands(cmds: dict, runs: int, warmup: int, use_hyperfine: bool) -> tuple:
    """Mean/stddev/min wall time (ms) and exit codes per command, output discarded; and how."""
    hf = shutil.which("hyperfine") if use_hyperfine else None
    if hf:
        with tempfile.TemporaryDirectory() as td:
            jpath = Path(td) / "hf.json"
            args = [hf, "-N", "-i", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
                    "--export-json", str(jpath)]
            for name, cmd in cmds.items():
                args += ["-n", name, " ".join(shlex.quote(c) for c in cmd)]
            r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if r.returncode == 0 and jpath.exists():
                data = json.loads(jpath.read_text())
                res = {}
                for x in data["results"]:
                    res[x["command"]] = dict(mean_ms=x["mean"] * 1e3, stddev_ms=(x["stddev"] or 0) * 1e3,
                                             min_ms=x["min"] * 1e3, runs=len(x["times"]),
                                             exit_codes=sorted(set(x.get("exit_codes") or [])))
                if set(res) == set(cmds):
                    return res, f"hyperfine {hf_version(hf)} -N (no shell), {warmup} warmup"
            print(f"timing: hyperfine failed ({r.stderr.strip()[:300]}); using subprocess timing", file=sys.stderr)
    res = {}
    for name, cmd in cmds.items():
        for _ in range(warmup):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times, codes = [], set()
        for _ in range(runs):
            t = time.perf_counter()
            r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
            codes.add(r.returncode)
        res[name] = dict(mean_ms=statistics.mean(times) * 1e3,
                         stddev_ms=(statistics.stdev(times) if len(times) > 1 else 0) * 1e3,
                         min_ms=min(times) * 1e3, runs=runs, exit_codes=sorted(codes))
    return res, f"python subprocess timing (fork+exec from Python), {warmup} warmup"


def hf_version(hf: str) -> str:
    try:
        return subprocess.run([hf, "--version"], stdout=subprocess.PIPE, text=True).stdout.split()[-1]
    except Exception:
        return "?"
