#!/usr/bin/env python3
"""Batch throughput on a generated archive, with undo proven byte-exact, against ftfy 6.3.1.

    python3 Benchmarks/bench_archive.py [--files 5000] [--seed 1] [--names]

1. Generates an archive with Scripts/make_archive.py (mixed UTF-8 / garbled / CP949 / EUC-KR /
   UTF-16 files, binaries, NUL-filled and empty files, garbled file names) and its manifest.
2. For 1 worker (`-j 1`) and for every core (`-j 2` here): copies it, runs
   `mojifix fix --include '*' [--names --apply]` on the copy, times it (files/s, MB/s), then runs
   `mojifix undo` and checks that the tree digest (names as bytes, modes, contents) equals the
   original's.
3. Scores the repair: for .txt files whose expected text is known (clean, garbled, legacy), the
   share that came out exactly right.
4. The peer, in the same run: ftfy.fix_text over every file that reads as UTF-8 (ftfy has no
   folder mode, legacy decoding or journal), in one Python process.
Needs .build/release/mojifix (`swift build -c release`) and, for the peer, `bash Benchmarks/setup_peers.sh`.
"""
import argparse, hashlib, os, shutil, stat, subprocess, sys, tempfile, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".build/release/mojifix"
PEER = REPO / ".build/peers-venv/bin/python"

def digest(root):
    rows = []
    for folder, dirs, files in os.walk(os.fsencode(root)):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            data = open(path, "rb").read() if stat.S_ISREG(info.st_mode) else b""
            rows.append(os.path.relpath(path, os.fsencode(root)) + b"|%o|" % info.st_mode + hashlib.sha256(data).digest())
    return hashlib.sha256(b"\n".join(sorted(rows))).hexdigest(), len(rows)

def tree_bytes(root):
    return sum(os.lstat(os.path.join(f, n)).st_size for f, _, files in os.walk(os.fsencode(root)) for n in files)

def run_fix(source, work, jobs, names):
    if os.path.exists(work):
        shutil.rmtree(work)
    shutil.copytree(source, work, symlinks=True)
    journal = work + ".journal"
    shutil.rmtree(journal, ignore_errors=True)
    command = [str(BIN), "fix", "--include", "*", "--no-progress", "-j", str(jobs), "--journal", journal, work]
    start = time.perf_counter()
    # From the folder holding the copy: fix rewrites only beneath the root it runs in.
    result = subprocess.run(command, capture_output=True, cwd=os.path.dirname(work))
    seconds = time.perf_counter() - start
    renamed = 0
    if names:
        rename = subprocess.run([str(BIN), "fix", "--names", "--apply", "--journal", journal, work], capture_output=True,
                                cwd=os.path.dirname(work))
        renamed = rename.stdout.count(b" -> ")
    return result, seconds, journal, renamed

def score(work, manifest):
    exact = total = 0
    for line in open(manifest, encoding="utf-8"):
        path, kind, expected = line.rstrip("\n").split("\t")
        if not expected or not path.endswith(".txt") or "+" in kind or "\\" in path:
            continue   # unknown expectation, normalised Markdown, or a renamed / non-UTF-8 name
        total += 1
        try:
            exact += hashlib.sha256(open(os.path.join(work, path), "rb").read()).hexdigest() == expected
        except OSError:
            pass
    return exact, total

PEER_SCRIPT = r"""
import os, sys, time, ftfy
root = sys.argv[1]; files = 0; size = 0
start = time.perf_counter()
for folder, _, names in os.walk(os.fsencode(root)):
    for name in names:
        data = open(os.path.join(folder, name), "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        fixed = ftfy.fix_text(text)
        files += 1; size += len(data)
print(files, size, time.perf_counter() - start)
"""

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--names", action="store_true", help="also run `fix --names --apply` (file names)")
    args = parser.parse_args()
    if not BIN.exists():
        sys.exit("build first: swift build -c release")
    base = tempfile.mkdtemp(prefix="mojifix-archive-")
    source, manifest = os.path.join(base, "archive"), os.path.join(base, "manifest.tsv")
    subprocess.run([sys.executable, str(REPO / "Scripts/make_archive.py"), source, "--files", str(args.files),
                    "--seed", str(args.seed), "--manifest", manifest], check=True)
    original, entries = digest(source)
    size = tree_bytes(source)
    print(f"archive: {args.files} files ({entries} entries), {size / 1e6:.1f} MB; cores: {os.cpu_count()}")
    rows = []
    for jobs in (1, os.cpu_count() or 1):
        work = os.path.join(base, f"work-{jobs}")
        result, seconds, journal, renamed = run_fix(source, work, jobs, args.names)
        exact, total = score(work, manifest)
        summary = result.stderr.decode("utf-8", "replace").strip().splitlines()[-11:-1]
        undo = subprocess.run([str(BIN), "undo", "--journal", journal], capture_output=True, cwd=base)
        if args.names:
            undo = subprocess.run([str(BIN), "undo", "--journal", journal], capture_output=True, cwd=base) if undo.returncode == 0 else undo
        restored = digest(work)[0] == original
        rows.append((jobs, seconds, exact, total, restored, result.returncode, renamed))
        print(f"-j {jobs}: {seconds:.2f} s, {args.files / seconds:.0f} files/s, {size / 1e6 / seconds:.1f} MB/s, "
              f"exit {result.returncode}, exact .txt repairs {exact}/{total}, renamed {renamed}, "
              f"undo restores the tree: {'YES' if restored else 'NO'}")
        if jobs == rows[0][0]:
            print("   " + "\n   ".join(summary))
    if PEER.exists():
        out = subprocess.run([str(PEER), "-c", PEER_SCRIPT, source], capture_output=True, text=True, check=True).stdout.split()
        files, peer_size, peer_seconds = int(out[0]), int(out[1]), float(out[2])
        best = min(r[1] for r in rows)
        print(f"ftfy 6.3.1 fix_text (UTF-8 files only, in-process, 1 core): {files} files, {peer_size / 1e6:.1f} MB in "
              f"{peer_seconds:.2f} s = {files / peer_seconds:.0f} files/s, {peer_size / 1e6 / peer_seconds:.1f} MB/s; "
              f"mojifix (whole process, all files, fix+journal+atomic writes) is {peer_seconds / best * size / peer_size:.1f}x faster per MB")
    else:
        print("ftfy peer not measured: run bash Benchmarks/setup_peers.sh")
    shutil.rmtree(base, ignore_errors=True)
    sys.exit(0 if all(r[4] for r in rows) else 1)

if __name__ == "__main__":
    main()
