#!/usr/bin/env python3
"""Run ftfy 6.3.1's own test cases through `mojifix repair -` (and through ftfy).

Run:  python3 Benchmarks/ftfy_cases.py [--verbose] [--allow-negative-failures]

The cases are fetched at run time and never copied into the repo:
  pip download --no-binary :all: --no-deps ftfy==6.3.1 -d .build/ftfy-sdist
and tests/test_cases.json is read straight out of the sdist tarball.

Fields of a case (see ftfy's tests/test_examples_in_json.py): "label",
"original", "fixed" (what ftfy.fix_text must give), optional "fixed-encoding"
(what ftfy.fix_encoding alone must give; defaults to "fixed"), "expect"
("pass" or "fail": the 10 known failures of ftfy's heuristic), "comment".
There is no category field; categories are derived here:
  known-failure  expect == "fail"
  negative       expect == "pass" and original == encoding-only expectation,
                 i.e. the text must come back unchanged from an encoding
                 repair (this covers ftfy's "Negative: ..." labels and a few
                 more cases that only need non-encoding fixes)
  synthetic      label starts with "Synthetic"
  in-the-wild    the rest
Two scores per case:
  exact          output == "fixed" (ftfy.fix_text's full result: includes
                 HTML unescaping, quote uncurling, ligature/width fixes,
                 control-char removal, NFC; not all of that is mojifix's job)
  encoding-only  output == "fixed-encoding" (or "fixed" when absent): what
                 ftfy's pure encoding repair gives; the fair comparison for
                 a reversible encoding repairer.

Exit status: 1 if any negative case comes back changed (or mojifix errors on
it), unless --allow-negative-failures; 2 if the cases or mojifix are missing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import print_table as table  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"
FTFY_VERSION = "6.3.1"
CATEGORIES = ("in-the-wild", "synthetic", "negative", "known-failure")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- cases

def fetch_sdist(sdist_dir: Path, pip_python: str) -> Path:
    name = f"ftfy-{FTFY_VERSION}.tar.gz"
    tgz = sdist_dir / name
    if tgz.exists():
        return tgz
    sdist_dir.mkdir(parents=True, exist_ok=True)
    log(f"ftfy_cases: pip download ftfy=={FTFY_VERSION} (sdist) -> {sdist_dir}")
    r = subprocess.run([pip_python, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                        "--no-binary", ":all:", "--no-deps", f"ftfy=={FTFY_VERSION}",
                        "-d", str(sdist_dir)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode != 0 or not tgz.exists():
        raise SystemExit(f"ftfy_cases: could not download the ftfy sdist (PyPI unreachable?):\n"
                         f"{r.stdout.strip()[-1500:]}")
    return tgz


def load_cases(tgz: Path) -> list[dict]:
    with tarfile.open(tgz) as tf:
        member = next((m for m in tf.getmembers() if m.name.endswith("/tests/test_cases.json")), None)
        if member is None:
            raise SystemExit(f"ftfy_cases: no tests/test_cases.json in {tgz}")
        return json.load(tf.extractfile(member))


def categorize(case: dict) -> str:
    if case["expect"] == "fail":
        return "known-failure"
    if case["original"] == encoding_expected(case):
        return "negative"
    if case["label"].lower().startswith("synthetic"):
        return "synthetic"
    return "in-the-wild"


def encoding_expected(case: dict) -> str:
    return case.get("fixed-encoding", case["fixed"])


# --------------------------------------------------------------------------- runners

def run_mojifix(mojifix: str, text: str, timeout: float, extra: list[str] = []) -> dict:
    t = time.perf_counter()
    try:
        r = subprocess.run([mojifix, "repair", *extra, "-"], input=text.encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return dict(exit=None, out=None, err="timeout", seconds=timeout)
    out = r.stdout.decode("utf-8", "surrogateescape")
    return dict(exit=r.returncode, out=out, err=r.stderr.decode("utf-8", "replace").strip()[:300],
                seconds=time.perf_counter() - t)


FTFY_WORKER = r"""
import json, sys
import ftfy
cases = json.load(sys.stdin)
out = []
for c in cases:
    out.append({"fix_text": ftfy.fix_text(c), "fix_encoding": ftfy.fix_encoding(c)})
json.dump(out, sys.stdout)
"""


def run_ftfy(py: str, texts: list[str]) -> list[dict] | None:
    r = subprocess.run([py, "-c", FTFY_WORKER], input=json.dumps(texts), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        log(f"ftfy_cases: ftfy worker failed: {r.stderr.strip()[-500:]}")
        return None
    return json.loads(r.stdout)


# --------------------------------------------------------------------------- report

def short(s: str | None, n: int = 70) -> str:
    if s is None:
        return "None"
    r = repr(s)
    return r if len(r) <= n else r[: n - 3] + "..."



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mojifix", default=os.environ.get("MOJIFIX_BIN", str(BUILD / "release" / "mojifix")))
    ap.add_argument("--venv", type=Path, default=Path(os.environ.get("PEERS_VENV", BUILD / "peers-venv")))
    ap.add_argument("--sdist-dir", type=Path, default=BUILD / "ftfy-sdist")
    ap.add_argument("--out", type=Path, default=BUILD / "ftfy-cases-results.json")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel mojifix processes")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per case")
    ap.add_argument("--no-ftfy", action="store_true", help="do not run ftfy for comparison")
    ap.add_argument("--ftfy-only", action="store_true", help="only score ftfy itself (no mojifix)")
    ap.add_argument("--allow-negative-failures", action="store_true",
                    help="exit 0 even if a negative case is changed")
    ap.add_argument("--lossy", action="store_true",
                    help="pass --lossy to mojifix (lossy reconstructions are opt-in; ftfy makes them by default)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every mojifix miss")
    a = ap.parse_args()

    venv_py = a.venv / "bin" / "python"
    have_venv = venv_py.exists()
    tgz = fetch_sdist(a.sdist_dir, str(venv_py) if have_venv else sys.executable)
    cases = load_cases(tgz)
    for c in cases:
        c["category"] = categorize(c)
        c["enc_expected"] = encoding_expected(c)
    log(f"ftfy_cases: {len(cases)} cases from {tgz.name}")

    use_mojifix = not a.ftfy_only
    if use_mojifix and not os.access(a.mojifix, os.X_OK):
        log(f"ftfy_cases: mojifix not found at {a.mojifix} (build with `swift build -c release`, "
            "pass --mojifix, or use --ftfy-only)")
        return 2

    t0 = time.perf_counter()
    if use_mojifix:
        with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            mres = list(ex.map(lambda c: run_mojifix(a.mojifix, c["original"], a.timeout, ["--lossy"] if a.lossy else []), cases))
        for c, r in zip(cases, mres):
            c["mojifix"] = r
        log(f"ftfy_cases: mojifix ran {len(cases)} cases in {time.perf_counter() - t0:.1f} s "
            f"({a.jobs} parallel processes)")

    fres = None
    if not a.no_ftfy:
        if have_venv:
            fres = run_ftfy(str(venv_py), [c["original"] for c in cases])
        else:
            log("ftfy_cases: no peer venv (run Benchmarks/setup_peers.sh); skipping ftfy comparison")
    if fres:
        for c, r in zip(cases, fres):
            c["ftfy"] = r

    # ---- score
    def mojifix_scores(c):
        r = c["mojifix"]
        out = r["out"]
        if r["exit"] == 3 and not out:
            out = c["original"]          # declined as ambiguous: the text stays as it was
        ok_run = r["exit"] in (0, 3)
        exact = ok_run and out == c["fixed"]
        enc = ok_run and out == c["enc_expected"]
        enc_nfc = ok_run and out is not None and (
            unicodedata.normalize("NFC", out) == unicodedata.normalize("NFC", c["enc_expected"]))
        changed = (not ok_run) or out != c["original"]
        return dict(exact=exact, enc=enc, enc_nfc=enc_nfc, changed=changed, out=out)

    per_cat = {k: dict(n=0, m_exact=0, m_enc=0, m_enc_nfc=0, m_changed=0,
                       f_exact=0, f_enc=0) for k in CATEGORIES}
    exit_codes: dict = {}
    failing_negatives = []
    for c in cases:
        pc = per_cat[c["category"]]
        pc["n"] += 1
        if use_mojifix:
            s = mojifix_scores(c)
            c["mojifix_score"] = s
            pc["m_exact"] += s["exact"]
            pc["m_enc"] += s["enc"]
            pc["m_enc_nfc"] += s["enc_nfc"]
            pc["m_changed"] += s["changed"]
            exit_codes[c["mojifix"]["exit"]] = exit_codes.get(c["mojifix"]["exit"], 0) + 1
            if c["category"] == "negative" and s["changed"]:
                failing_negatives.append(c)
        if fres:
            pc["f_exact"] += c["ftfy"]["fix_text"] == c["fixed"]
            pc["f_enc"] += c["ftfy"]["fix_encoding"] == c["enc_expected"]

    # ---- print
    tot = {k: sum(pc[k] for pc in per_cat.values()) for k in per_cat["negative"]}
    print()
    counts = ", ".join("%s %d" % (k, per_cat[k]["n"]) for k in CATEGORIES)
    print(f"ftfy {FTFY_VERSION} test cases: {len(cases)} ({counts})")
    lab_neg = [c for c in cases if "negative" in c["label"].lower()]
    print(f"  negative = must come back unchanged (original == encoding-only expectation): "
          f"{sum(c['category'] == 'negative' for c in lab_neg)} of ftfy's {len(lab_neg)} "
          f"'negative'-labelled cases + "
          f"{sum(c['category'] == 'negative' and c not in lab_neg for c in cases)} whose only "
          f"expected fixes are non-encoding ones")
    for c in lab_neg:
        if c["category"] != "negative":
            print(f"    (labelled negative but counted as {c['category']}: {c['label']!r})")
    print("  exact    = output equals \"fixed\" (ftfy.fix_text's full result, incl. non-encoding fixes)")
    print("  enc-only = output equals \"fixed-encoding\" (else \"fixed\"): the pure encoding repair")
    print("  for negatives (must stay unchanged) enc-only = left unchanged\n")
    header = ["category", "n"]
    if use_mojifix:
        header += ["mojifix exact", "mojifix enc-only", "mojifix enc-only (NFC)", "mojifix changed"]
    if fres:
        header += ["ftfy fix_text exact", "ftfy fix_encoding enc-only"]
    rows = []
    for k in CATEGORIES + ("total",):
        pc = tot if k == "total" else per_cat[k]
        row = [k, pc["n"]]
        if use_mojifix:
            row += [f"{pc['m_exact']}/{pc['n']}", f"{pc['m_enc']}/{pc['n']}",
                    f"{pc['m_enc_nfc']}/{pc['n']}", f"{pc['m_changed']}/{pc['n']}"]
        if fres:
            row += [f"{pc['f_exact']}/{pc['n']}", f"{pc['f_enc']}/{pc['n']}"]
        rows.append(row)
    table(rows, header)
    if fres:
        print("\n  ftfy's own suite requires fix_text == fixed and fix_encoding == fixed-encoding for the\n"
              "  151 'pass' cases, and that the 10 known failures fail (xfail strict).")
    if use_mojifix:
        print(f"\n  mojifix exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(
            exit_codes.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))))
        nl = sum(1 for c in cases if c["mojifix"]["out"] is not None and not c["mojifix_score"]["enc"]
                 and c["mojifix"]["out"].rstrip("\n") == c["enc_expected"].rstrip("\n"))
        if nl:
            print(f"  WARNING: {nl} outputs differ from the expectation only by trailing newlines "
                  "(does `repair -` add or strip a final newline?)")
        non_enc = sum(1 for c in cases if c["enc_expected"] != c["fixed"])
        print(f"  {non_enc} cases expect fix_text to do more than the encoding repair "
              f"(fixed != fixed-encoding); they cannot be 'exact' for an encoding-only repairer.")

        if a.verbose:
            print("\nmojifix misses (encoding-only), by category:")
            for k in CATEGORIES:
                for c in cases:
                    if c["category"] == k and not c["mojifix_score"]["enc"]:
                        r = c["mojifix"]
                        print(f"  [{k}] {c['label']}")
                        print(f"      original: {short(c['original'])}")
                        print(f"      expected: {short(c['enc_expected'])}")
                        print(f"      mojifix : {short(r['out'])} (exit {r['exit']})"
                              + (f" stderr: {r['err'][:120]}" if r["err"] else ""))

        print()
        if failing_negatives:
            print(f"FAILING NEGATIVE CASES ({len(failing_negatives)}): mojifix changed text that must stay unchanged")
            for c in failing_negatives:
                r = c["mojifix"]
                print(f"NEGATIVE CHANGED: {c['label']!r}: {short(c['original'], 60)} -> "
                      f"{short(r['out'], 60)} (exit {r['exit']}"
                      + (f", stderr: {r['err'][:100]}" if r["err"] else "") + ")")
        else:
            print(f"negative cases: all {per_cat['negative']['n']} unchanged by mojifix")

    # ---- json
    a.out.parent.mkdir(parents=True, exist_ok=True)
    dump = {
        "ftfy_version": FTFY_VERSION,
        "sdist": str(tgz),
        "mojifix": a.mojifix if use_mojifix else None,
        "categories_rule": "known-failure: expect==fail; negative: original==fixed-encoding(or fixed); "
                           "synthetic: label starts with 'Synthetic'; in-the-wild: rest",
        "per_category": per_cat, "total": tot,
        "mojifix_exit_codes": {str(k): v for k, v in exit_codes.items()},
        "failing_negatives": [c["label"] for c in failing_negatives],
        "cases": [{
            "label": c["label"], "category": c["category"], "expect": c["expect"],
            "original": c["original"], "fixed": c["fixed"], "fixed_encoding": c["enc_expected"],
            **({"mojifix_out": c["mojifix"]["out"], "mojifix_exit": c["mojifix"]["exit"],
                "mojifix_exact": c["mojifix_score"]["exact"], "mojifix_enc": c["mojifix_score"]["enc"]}
               if use_mojifix else {}),
            **({"ftfy_fix_text": c["ftfy"]["fix_text"], "ftfy_fix_encoding": c["ftfy"]["fix_encoding"]}
               if fres else {}),
        } for c in cases],
    }
    a.out.write_text(json.dumps(dump, indent=1, ensure_ascii=False) + "\n")
    try:
        shown = a.out.resolve().relative_to(REPO)
    except ValueError:
        shown = a.out
    print(f"wrote {shown} (contains ftfy's case texts: keep it under .build/, do not commit)")

    if use_mojifix and failing_negatives and not a.allow_negative_failures:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
