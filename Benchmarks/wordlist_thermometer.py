#!/usr/bin/env python3
"""A thermometer independent of dev-eval and of ftfy: lines of real words from wordfreq's lists
(42 languages, fetched at run time into .build/wordfreq-venv), mixed with punctuation, NBSP,
guillemets and symbols, sent through `mojifix repair --jsonl`:

  * clean: every line must come back byte-identical;
  * garbled: the same lines holding non-ASCII, garbled with Python's codecs through every chain
    (UTF-8 bytes decoded as the chain's charset; a line the codec cannot decode is left out) and
    scored per chain: exact, unchanged, wrong (changed but not to the clean line).
  * with --lossy: the lines garbled with bytes lost (strict Windows-1252, 1250, 1251, 1254 and
    1257 with errors="replace", and NBSP turned into a space) go through `repair --jsonl --lossy`;
    every character the clean line has where a byte was lost is scored: restored, U+FFFD (not
    recoverable), or guessed wrong (a lossy guess must be right or U+FFFD), per language and
    per chain.

usage: python3 Benchmarks/wordlist_thermometer.py [--bin .build/release/mojifix] [--seed 7]
       [--lines-per-language 120] [--show N] [--lossy | --typography]
Never a target to tune to: the lines are random every seed; it finds classes of failure.
"""
import argparse, collections, json, os, random, subprocess, sys, unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".build" / "wordfreq-venv"
LANGS = ['ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fi', 'fr', 'he', 'hi', 'hu', 'id', 'it', 'ja',
         'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'ta', 'tr', 'uk', 'vi', 'zh', 'ms']
PUNCT = [' ', ' ', ' ', ' ', ', ', '. ', ' — ', ' – ', '\xa0', ' « ', ' » ', '\xa0»', '«\xa0', '… ', ' “', '” ', ' ‘',
         '’ ', ' (', ') ', ': ', '; ', '! ', '? ', ' ¿', ' ¡', ' • ', ' © ', '® ', '™ ', ' ° ', ' ± ', ' € ', ' £ ',
         ' ¥ ', ' µ', ' ½ ', ' § ', ' ¶ ']
# --typography: the spacing of French, Czech, Romanian … typography (NBSP before signs, guillemets,
# currency) dense on every line, where mojibake-like byte patterns (`é<NBSP>»` is 頻's UTF-8 read
# as Windows-1252) occur by chance; only the clean check runs, by default and with --lossy.
TYPO_PUNCT = ['\xa0»', '\xa0» ', ' «\xa0', '\xa0: ', '\xa0; ', '\xa0! ', '\xa0? ', '’', '’ ', ' “', '” ', ' ‘', ' – ', ' — ',
              '\xa0', ' € ', '\xa0€ ', '\xa0%', ' ', ' ', '… ', ' „', '“ ', '\xa0›', ' ‹\xa0', '·', ' ° ', '\xa0°C ', ' ± ', ' × ']
CHAINS = ['cp1252', 'latin_1', 'mac_roman', 'cp1250', 'cp1251', 'cp1254', 'cp437', 'cp866', 'koi8_r', 'iso8859_2',
          'cp1257', 'cp1256', 'cp1253', 'nfd:latin_1', 'nfd:mac_roman', 'nfd:cp1250']

GEN = r"""
import json, random, sys, wordfreq
langs, punct, seed, per = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
out = []
for lang in langs:
    words = wordfreq.top_n_list(lang, 30000)
    for _ in range(per):
        n = rng.choice([1, 1, 2, 3, 5, 8, 12, 20])
        s = ''
        for k, w in enumerate(rng.sample(words, n)):
            if rng.random() < 0.3: w = w.capitalize()
            if rng.random() < 0.05: w = w.upper()
            s += w + (rng.choice(punct) if k < n - 1 else '')
        if rng.random() < 0.5: s += rng.choice(['.', '!', '?', '…', ' »', '\xa0!', ''])
        out.append(s)
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def venv_python():
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if subprocess.run([str(py), "-c", "import wordfreq"], capture_output=True).returncode != 0:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "wordfreq"], check=True)
    return str(py)


def repair(bin_, texts, lossy=False):
    data = ''.join(json.dumps({"text": t}, ensure_ascii=False) + '\n' for t in texts).encode()
    r = subprocess.run([bin_, 'repair', '--jsonl', '--field', 'text'] + (['--lossy'] if lossy else []),
                       input=data, capture_output=True)
    outs = [json.loads(line)["text"] for line in r.stdout.decode().split('\n')[:-1]]
    assert len(outs) == len(texts), r.stderr.decode()[:300]
    return outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / ".build" / "release" / "mojifix"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lines-per-language", type=int, default=120)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--lossy", action="store_true", help="score lost-byte guesses instead")
    ap.add_argument("--typography", action="store_true", help="clean lines dense with typographic spacing only")
    a = ap.parse_args()
    gen = subprocess.run([venv_python(), "-c", GEN, json.dumps(LANGS), json.dumps(TYPO_PUNCT if a.typography else PUNCT),
                          str(a.seed), str(a.lines_per_language)], capture_output=True, check=True)
    lines = json.loads(gen.stdout)
    if a.typography:
        for lossy_too in (False, True):
            outs = repair(a.bin, lines, lossy=lossy_too)
            changed = [(x, y) for x, y in zip(lines, outs) if x.encode() != y.encode()]
            print(f"typography, {'--lossy' if lossy_too else 'default'}: {len(changed)} of {len(lines)} clean lines changed")
            for x, y in changed[:a.show]: print("  CHANGED", repr(x)[:100], "->", repr(y)[:100])
        return
    if a.lossy:
        return lossy(a, lines)
    outs = repair(a.bin, lines)
    changed = [(x, y) for x, y in zip(lines, outs) if x.encode() != y.encode()]
    print(f"clean: {len(changed)} of {len(lines)} lines of {len(LANGS)} languages changed")
    for x, y in changed[:a.show]: print("  CHANGED", repr(x)[:100], "->", repr(y)[:100])
    cases = []
    for s in (t for t in lines if any(ord(c) > 127 for c in t)):
        for chain in CHAINS:
            # `nfd:` chains garble the decomposed text (as macOS writes names): it must come back
            # decomposed, byte for byte.
            text = unicodedata.normalize('NFD', s) if chain.startswith('nfd:') else s
            if chain.startswith('nfd:') and text == s: continue
            try: cases.append((chain, text, text.encode('utf-8').decode(chain.removeprefix('nfd:'))))
            except UnicodeDecodeError: pass
    outs = repair(a.bin, [g for _, _, g in cases])
    stats, examples = collections.defaultdict(collections.Counter), collections.defaultdict(list)
    for (chain, s, g), o in zip(cases, outs):
        # (Decomposed Hangul is composed on purpose, the documented `normalize NFC` repair.)
        same = o.encode() == s.encode() or (chain.startswith('nfd:') and unicodedata.normalize('NFC', o) == unicodedata.normalize('NFC', s)
                                            and all(not 0x1100 <= ord(c) <= 0x11FF for c in o))
        k = 'exact' if same else 'unchanged' if o.encode() == g.encode() else 'wrong'
        stats[chain][k] += 1
        if k == 'wrong': examples[chain].append((g, o, s))
    print(f"{'chain':10} {'n':>5} {'exact':>7} {'unchanged':>9} {'wrong':>5}")
    for chain in CHAINS:
        c = stats[chain]; n = sum(c.values())
        if n: print(f"{chain:10} {n:5} {c['exact'] / n:7.1%} {c['unchanged']:9} {c['wrong']:5}")
        for g, o, s in examples[chain][:a.show]:
            print("  WRONG", repr(g)[:80], "->", repr(o)[:80], "want", repr(s)[:60])


LOSSY_CHAINS = ['cp1252', 'cp1250', 'cp1251', 'cp1254', 'cp1257']


def lost_bytes(s, codec='cp1252'):
    """`s` garbled with bytes lost, and the indices of the characters of `s` that lost one."""
    g, hit = [], []
    for k, ch in enumerate(s):
        shown = ch.encode('utf-8').decode(codec, errors='replace')
        lost = '\ufffd' in shown or '\xa0' in shown
        g.append(shown.replace('\xa0', ' '))
        if lost: hit.append(k)
    return ''.join(g), hit


def lossy(a, lines):
    """Per language (strict Windows-1252), then per chain (all languages)."""
    by_chain = {}
    for codec in LOSSY_CHAINS:
        cases = []
        for lang_index, lang in enumerate(LANGS):
            for s in lines[lang_index * a.lines_per_language:(lang_index + 1) * a.lines_per_language]:
                g, hit = lost_bytes(s, codec)
                if hit and g != s: cases.append((lang, s, g, hit))
        outs = repair(a.bin, [g for _, _, g, _ in cases], lossy=True)
        stats, examples = collections.defaultdict(collections.Counter), []
        for (lang, s, g, hit), o in zip(cases, outs):
            c = stats[lang]
            c['lines'] += 1
            c['exact lines'] += o == s
            if len(o) != len(s):
                c['misaligned lines'] += 1   # a lost byte left unrepaired, or a word gap kept
                continue
            for k in hit:
                kind = 'restored' if o[k] == s[k] else 'U+FFFD' if o[k] == '\ufffd' else 'WRONG'
                c[kind] += 1
                if kind == 'WRONG': examples.append((lang, s, o, k))
        by_chain[codec] = (stats, examples)
    header = lambda first: f"{first:7} {'lines':>6} {'exact':>6} {'misaligned':>10} {'restored':>8} {'U+FFFD':>7} {'WRONG':>6}"
    row = lambda name, c: print(f"{name:7} {c['lines']:6} {c['exact lines']:6} {c['misaligned lines']:10} {c['restored']:8} {c['U+FFFD']:7} {c['WRONG']:6}")
    print("strict cp1252, NBSP turned into a space, per language:")
    print(header('lang'))
    stats, examples = by_chain['cp1252']
    for lang in LANGS:
        if stats[lang]['lines']: row(lang, stats[lang])
    print("per chain, all languages:")
    print(header('chain'))
    for codec in LOSSY_CHAINS:
        stats, examples = by_chain[codec]
        total = collections.Counter()
        for c in stats.values(): total.update(c)
        row(codec, total)
        for lang, s, o, k in examples[:a.show]:
            print("  WRONG", lang, repr(s[max(0, k - 12):k + 12]), "->", repr(o[max(0, k - 12):k + 12]))


if __name__ == "__main__":
    main()
