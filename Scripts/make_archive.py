#!/usr/bin/env python3
"""Generates an archive folder like the ones mojifix batch-cleans: clean text in many languages,
UTF-8 garbled as Mac OS Roman / Windows-1252, legacy CP949 / EUC-KR / UTF-16 files, binaries,
NUL-filled files, empty files, nested folders, and garbled file names (raw CP949 bytes, CP949
read as CP437 or Latin-1, UTF-8 read as Mac OS Roman, NFD Hangul).

    python3 Scripts/make_archive.py OUT_DIR [--files N] [--seed S] [--manifest FILE.tsv]

The manifest lists, per file, its kind and the SHA-256 of the text it should become (for files
whose expected repair is known), so a benchmark can score the batch, not just time it.
Deterministic for a given seed. Uses only this repository's corpus (no third-party data)."""
import argparse, hashlib, os, random, sys, unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def texts():
    pool = []
    for folder in ("Corpus/negative", "Corpus/clean"):
        for path in sorted((ROOT / folder).iterdir()):
            data = path.read_bytes()
            try:
                pool.append((path.stem, data.decode("utf-8")))
            except UnicodeDecodeError:
                pass
    return pool

def is_korean(text):
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)

def korean_names(rng):
    syllables = "가나다라마바사아자차카타파하한글문서보고서사진여행일기회의록자료정리목록계획"
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 6)))

def garbled_name(rng, stem, ext):
    """(raw name bytes, kind)."""
    kind = rng.choice(["cp949-raw", "cp949-as-cp437", "cp949-as-latin1", "utf8-as-macroman", "nfd"])
    if kind == "cp949-raw":
        return stem.encode("cp949") + ext.encode(), kind
    if kind == "cp949-as-cp437":
        return (stem.encode("cp949").decode("cp437") + ext).encode("utf-8"), kind
    if kind == "cp949-as-latin1":
        raw = stem.encode("cp949").decode("latin-1")
        if any(0x80 <= ord(c) < 0xA0 for c in raw):   # C1 controls: not a name anyone would keep
            return (stem.encode("cp949").decode("cp437") + ext).encode("utf-8"), "cp949-as-cp437"
        return (raw + ext).encode("utf-8"), kind
    if kind == "utf8-as-macroman":
        return (stem.encode("utf-8").decode("mac_roman") + ext).encode("utf-8"), kind
    return unicodedata.normalize("NFD", stem + ext).encode("utf-8"), kind

def garble(text, rng):
    """(stored bytes, kind) for a content garbling; None when this text cannot take it."""
    kinds = ["utf8-as-macroman", "utf8-as-cp1252"]
    if is_korean(text):
        kinds += ["cp949", "euc-kr", "utf-16"]
    kind = rng.choice(kinds)
    try:
        if kind == "utf8-as-macroman":
            return text.encode("utf-8").decode("mac_roman").encode("utf-8"), kind
        if kind == "utf8-as-cp1252":
            return text.encode("utf-8").decode("cp1252").encode("utf-8"), kind
        if kind == "cp949":
            return text.encode("cp949"), kind
        if kind == "euc-kr":
            return text.encode("euc-kr"), kind
        return rng.choice([b"\xff\xfe" + text.encode("utf-16-le"), b"\xfe\xff" + text.encode("utf-16-be")]), kind
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--manifest")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = texts()
    korean = [t for t in pool if is_korean(t[1])]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folders = [out] + [out / f"{year}" / f"{month:02d}" for year in (2019, 2020, 2021) for month in (1, 4, 7, 10)]
    rows, used = [], set()
    for index in range(args.files):
        folder = rng.choice(folders)
        folder.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        stem, text = rng.choice(pool)
        ext = rng.choice([".txt", ".txt", ".md"])
        expected = ""
        if roll < 0.40:
            data, kind = text.encode("utf-8"), "clean"
            expected = hashlib.sha256(data).hexdigest()
        elif roll < 0.80:
            stem, text = rng.choice(korean) if rng.random() < 0.7 else (stem, text)
            made = None
            for _ in range(6):
                made = made or garble(text, rng)
            if made is None:
                data, kind = text.encode("utf-8"), "clean"
            else:
                data, kind = made
            expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
        elif roll < 0.88:
            data, kind, ext = bytes(rng.getrandbits(8) for _ in range(rng.randint(64, 4096))) + b"\x00", "binary", ".bin"
        elif roll < 0.90:
            data, kind = b"\x00" * rng.randint(1, 2048), "nul-filled"
        elif roll < 0.91:
            data, kind = b"", "empty"
        else:
            data, kind = text.encode("utf-8"), "clean-garbled-name"
            expected = hashlib.sha256(data).hexdigest()
        name = f"{index:05d}-{stem}{ext}".encode("utf-8")
        if kind == "clean-garbled-name" or rng.random() < 0.05:
            raw, name_kind = garbled_name(rng, korean_names(rng) + f"-{index:05d}", ext)
            name = raw
            kind = kind + "+" + name_kind
        path = os.path.join(bytes(folder), name)
        with open(path, "wb") as handle:
            handle.write(data)
        rows.append((os.path.relpath(path, bytes(out)), kind, expected))
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as handle:
            for path, kind, expected in rows:
                handle.write(f"{path.decode('utf-8', 'backslashreplace')}\t{kind}\t{expected}\n")
    print(f"{len(rows)} files in {out}", file=sys.stderr)

if __name__ == "__main__":
    main()
