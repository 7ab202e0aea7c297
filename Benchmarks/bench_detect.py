#!/usr/bin/env python3
"""Legacy charset detection, mojifix against its peers in the same run.

The labelled files of ../shared/corpora/legacy (manifest.tsv: path, python_codec, family)
through `mojifix repair FILE` (one process per file), chardet 7, charset-normalizer, uchardet
(Debian's CLI) and ICU's ucsdet (Benchmarks/icu_detect.c, built here). A file is **correct** when
the tool's text equals the file decoded with its true codec (one leading BOM dropped), **refused**
when the tool gives no answer or an answer that does not decode (mojifix: exit 2 or 3), **wrong**
otherwise. Prints correct / refused / wrong per family, time per file and MB/s per tool.

Usage: python3 Benchmarks/bench_detect.py [--corpus DIR] [--mojifix PATH] [--only TOOL,...]
Peers: a venv at .build/detect-peers-venv with chardet>=7 and charset-normalizer (created on
first use), `apt-get install uchardet`, ICU headers (libicu-dev, already a build dependency).
"""
import argparse
import codecs
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".build" / "detect-peers-venv"
FAMILIES = ["korean", "cjk", "cyrillic", "western", "central", "other", "utf16_32", "utf8"]

PEER_SCRIPT = r"""
import sys, json, time
which = sys.argv[1]
if which == "chardet":
    import chardet
    detect = lambda b: (chardet.detect(b) or {}).get("encoding")
else:
    from charset_normalizer import from_bytes
    def detect(b):
        best = from_bytes(b).best()
        return best.encoding if best else None
out = []
for path in sys.stdin.read().split("\n"):
    if not path: continue
    b = open(path, "rb").read()
    t = time.perf_counter()
    name = detect(b)
    out.append((path, name, time.perf_counter() - t))
json.dump(out, sys.stdout)
"""


def ensure_venv():
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "chardet>=7", "charset-normalizer"], check=True)
    return py


def python_decode(data, name):
    """The text a tool's charset name gives, or None when Python cannot decode with it."""
    if not name:
        return None
    aliases = {"ibm866": "cp866", "ibm855": "cp855", "ibm852": "cp852", "ibm850": "cp850", "ibm437": "cp437",
               "x-mac-cyrillic": "mac_cyrillic", "maccyrillic": "mac_cyrillic", "x-mac-centraleurope": "mac_latin2",
               "mac-centraleurope": "mac_latin2", "windows-31j": "cp932", "x-euc-tw": "euc_tw",
               "iso-2022-cn": "iso2022_jp_2", "tis-620": "cp874", "windows-874": "cp874", "ibm420_ltr": "cp420",
               "ibm424_ltr": "cp424", "ibm420_rtl": "cp420", "ibm424_rtl": "cp424", "johab": "johab",
               "macintosh": "mac_roman", "mac-roman": "mac_roman", "uhc": "cp949", "windows-949": "cp949",
               "ascii": "utf-8", "us-ascii": "utf-8"}
    codec = aliases.get(name.lower(), name)
    try:
        codecs.lookup(codec)
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    return text[1:] if text.startswith("\ufeff") else text


CPU = {}  # tool -> CPU seconds of its processes (whole processes: start-up included)


def children_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run_mojifix(binary, rows):
    results = {}
    cpu = children_cpu()
    for r in rows:
        t = time.perf_counter()
        p = subprocess.run([binary, "repair", r["file"]], capture_output=True)
        dt = time.perf_counter() - t
        results[r["file"]] = (p.stdout.decode("utf-8", "replace") if p.returncode == 0 else None, dt)
    CPU["mojifix"] = children_cpu() - cpu
    return results


def run_named(rows, names_and_times):
    return {f: (python_decode(Path(f).read_bytes(), name), dt) for f, (name, dt) in names_and_times.items()}


def run_python_peer(py, which, rows):
    p = subprocess.run([str(py), "-c", PEER_SCRIPT, which], input="\n".join(r["file"] for r in rows),
                       capture_output=True, text=True, check=True)
    return run_named(rows, {path: (name, dt) for path, name, dt in json.loads(p.stdout)})


def run_uchardet(rows):
    out = {}
    for r in rows:
        t = time.perf_counter()
        p = subprocess.run(["uchardet", r["file"]], capture_output=True, text=True)
        name = p.stdout.strip()
        out[r["file"]] = (None if name in ("", "unknown") else name, time.perf_counter() - t)
    return run_named(rows, out)


def run_icu(rows):
    exe = REPO / ".build" / "icu_detect"
    subprocess.run(["cc", "-O2", "-o", str(exe), str(REPO / "Benchmarks" / "icu_detect.c"), "-licui18n", "-licuuc"], check=True)
    t = time.perf_counter()
    p = subprocess.run([str(exe)] + [r["file"] for r in rows], capture_output=True, text=True, check=True)
    per = (time.perf_counter() - t) / max(1, len(rows))
    names = [line.split("\t")[0] for line in p.stdout.splitlines()]
    return run_named(rows, {r["file"]: (None if n == "-" else n, per) for r, n in zip(rows, names)})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpora" / "legacy"))
    ap.add_argument("--mojifix", default=str(REPO / ".build" / "release" / "mojifix"))
    ap.add_argument("--only", default="mojifix,chardet,charset-normalizer,uchardet,icu")
    ap.add_argument("--json")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    rows = []
    for line in (corpus / "manifest.tsv").read_text().splitlines()[1:]:
        path, label, codec, lang, source, family = line.split("\t")
        data = (corpus / path).read_bytes()
        truth = data.decode(codec)
        rows.append(dict(file=str(corpus / path), family=family, label=label, bytes=len(data),
                         truth=truth[1:] if truth.startswith("\ufeff") else truth))
    tools = args.only.split(",")
    results = {}
    if "mojifix" in tools:
        results["mojifix"] = run_mojifix(args.mojifix, rows)
    if "chardet" in tools or "charset-normalizer" in tools:
        py = ensure_venv()
        for which in ("chardet", "charset-normalizer"):
            if which in tools:
                results[which] = run_python_peer(py, which, rows)
    if "uchardet" in tools and shutil.which("uchardet"):
        results["uchardet"] = run_uchardet(rows)
    if "icu" in tools:
        results["icu"] = run_icu(rows)
    total_bytes = sum(r["bytes"] for r in rows)
    summary = {}
    print(f"{len(rows)} labelled files, {total_bytes / 1024:.0f} KiB, from {corpus}\n")
    print(f"{'family':10} {'n':>4} | " + " | ".join(f"{t:>20}" for t in results))
    print(f"{'':10} {'':>4} | " + " | ".join(f"{'ok/refused/WRONG':>20}" for _ in results))
    for fam in FAMILIES + ["all"]:
        sel = [r for r in rows if fam == "all" or r["family"] == fam]
        if not sel:
            continue
        cells = []
        for tool, res in results.items():
            ok = sum(1 for r in sel if res[r["file"]][0] == r["truth"])
            refused = sum(1 for r in sel if res[r["file"]][0] is None)
            wrong = len(sel) - ok - refused
            cells.append(f"{ok:>6}/{refused:>5}/{wrong:>6}")
            if fam == "all":
                secs = sum(res[r["file"]][1] for r in sel)
                summary[tool] = dict(correct=ok, refused=refused, wrong=wrong, ms_per_file=secs / len(sel) * 1e3,
                                     mb_per_s=total_bytes / 1e6 / secs if secs else 0)
        print(f"{fam:10} {len(sel):>4} | " + " | ".join(f"{c:>20}" for c in cells))
    print()
    for tool, s in summary.items():
        print(f"{tool:20} correct {s['correct']:4} ({100 * s['correct'] / len(rows):.1f}%)  refused {s['refused']:4}  "
              f"wrong {s['wrong']:4} ({100 * s['wrong'] / len(rows):.1f}%)  {s['ms_per_file']:.2f} ms/file  {s['mb_per_s']:.2f} MB/s")
    if "mojifix" in CPU:
        # The target is per small file as a whole process; wall time on a shared machine
        # measures the load too, the CPU time does not.
        print(f"\nmojifix binary {args.mojifix}: {CPU['mojifix'] / len(rows) * 1e3:.2f} ms CPU per file "
              f"(whole process, user + system; target <= 10 ms)")
    print("\n(mojifix: one whole process per file, repair included; chardet and charset-normalizer: in-process "
          "call time; uchardet: one process per file; ICU: one process for all files)")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
