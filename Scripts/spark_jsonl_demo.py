#!/usr/bin/env python3
"""Spark demo: a JSON Lines RDD piped through `mojifix repair --jsonl` with RDD.pipe, verified.

    python3 -m venv /tmp/spark-venv && /tmp/spark-venv/bin/pip install pyspark   # ~1.5 min, ~520 MB
    swift build -c release
    /tmp/spark-venv/bin/python Scripts/spark_jsonl_demo.py [--lines 20000] [--partitions 4]

Runs Spark in local mode (local[*], Java 17). Each partition is one `mojifix` process: Spark
writes the partition's lines to its stdin and reads the repaired lines back, in order. The
records are made here: Korean, Japanese, Russian and French sentences, half of them garbled with
Python's codecs (UTF-8 read as Mac OS Roman or Windows-1252), in both JSON escaping styles, with
other fields around `text`. The script checks that every `text` comes back as the original and
that every other field is unchanged, and exits 1 if not.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SENTENCES = [
    "오늘 회의는 오후 3시로 변경되었습니다.", "파일 이름이 깨져서 보입니다.", "배포 완료 ✅ 다들 수고하셨습니다 🙏",
    "서울특별시 강남구 테헤란로 123, 4층", "좋아요 순위 📊 이번 주 인기 글 모음", "한국어 텍스트 정규화와 인코딩 복구",
    "今日は会議が午後三時に変更されました。", "Сегодня совещание перенесли на три часа.", "Le café du coin est fermé le lundi — dommage.",
]


def garble(text: str, rng: random.Random) -> str:
    data = text.encode("utf-8")
    if rng.random() < 0.5:
        return data.decode("mac_roman")
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


def make_records(count: int, seed: int) -> list[tuple[str, dict, str]]:
    """(line, the record's other fields, the clean text) for `count` lines."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        clean = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
        text = garble(clean, rng) if rng.random() < 0.5 else clean
        other = {"id": n, "source": rng.choice(["web", "forum", "mail"]), "meta": {"text": "ÏùºÍ∞Ñ stays", "n": [1, 2.5]}}
        line = json.dumps({"id": n, "text": text, "source": other["source"], "meta": other["meta"]},
                          ensure_ascii=rng.random() < 0.5)
        records.append((line, other, clean))
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "mojifix")
    a = ap.parse_args()
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        print("spark_jsonl_demo: pyspark is not importable with this python; install it with\n"
              "  python3 -m venv /tmp/spark-venv && /tmp/spark-venv/bin/pip install pyspark", file=sys.stderr)
        return 2
    if not a.binary.exists():
        print(f"spark_jsonl_demo: {a.binary} missing; run `swift build -c release`", file=sys.stderr)
        return 2

    records = make_records(a.lines, seed=7)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode: no need to look up the host name
    t0 = time.perf_counter()
    conf = SparkConf().setMaster("local[*]").setAppName("mojifix-jsonl").set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    version = sc.version
    started = time.perf_counter()
    try:
        rdd = sc.parallelize([line for line, _, _ in records], a.partitions)
        # Every partition streams through one mojifix process; a non-zero exit (a bad line) fails the job.
        repaired = rdd.pipe(f"{a.binary} repair --jsonl", env={"LC_ALL": "C.UTF-8"}, checkCode=True).collect()
        finished = time.perf_counter()
    finally:
        sc.stop()

    bad = 0
    if len(repaired) != len(records):
        print(f"spark_jsonl_demo: {len(repaired)} lines back for {len(records)}", file=sys.stderr)
        return 1
    for out, (line, other, clean) in zip(repaired, records):
        obj = json.loads(out)
        if obj["text"] != clean or any(obj[k] != v for k, v in other.items()):
            bad += 1
            if bad <= 3:
                print(f"  mismatch: {line[:120]} -> {out[:120]}", file=sys.stderr)
    garbled = sum(1 for line, _, clean in records if json.loads(line)["text"] != clean)
    print(f"spark_jsonl_demo: Spark {version} local[*], {os.cpu_count()} cores: {len(records):,} lines "
          f"({garbled:,} garbled) in {a.partitions} partitions through RDD.pipe in {finished - started:.2f} s "
          f"(Spark start-up {started - t0:.1f} s); {len(records) - bad:,} / {len(records):,} lines correct")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
