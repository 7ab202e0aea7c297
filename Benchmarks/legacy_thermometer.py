#!/usr/bin/env python3
"""A thermometer for legacy charset detection, independent of dev-eval: short files of real words
from wordfreq's lists (fetched at run time into .build/wordfreq-venv), one to five lines, half of
the lines holding a sign in the place prose puts it (`© 2019 Name`, `30×20×10 cm`, `40 µm`,
`«…»`, `„…“`, `§ 12`, `£8`, `25 °C` …), encoded with Python's codecs in each language's legacy
charsets (31 of them), each file sent to `mojifix repair -` on its own and scored:

  * right: the output is the text;
  * refused: exit 3 (ambiguous), which the tool may do;
  * wrong: anything else (exit 0 with other text): a file decoded wrong without a word.

Japanese files differ from Python's codecs for `¥ £ ¬` by design (ICU's windows-31j and EUC-JP
map them to `\\ ￡ ￢`): their "wrong" are mapping choices, not detection errors.

usage: python3 Benchmarks/legacy_thermometer.py [--bin .build/release/mojifix] [--seed 1]
       [--files-per-language 30] [--show N] [--json OUT] [--markup | --code]
--markup puts the lines inside the ASCII markup of an RSS feed or a web page that declares no
charset (mostly ASCII: the readings differ only where the lines are); --code makes them the
comments and a string of a small C source file.
Never a target to tune to: the files are random every seed; it finds classes of failure.
"""
import argparse, collections, json, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wordlist_thermometer import REPO, venv_python  # noqa: E402

CHARSETS = {
    'cp1252': ['de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'ca', 'is'],
    'latin_1': ['de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'da'], 'iso8859_15': ['fr', 'fi'],
    'cp1250': ['cs', 'pl', 'hu', 'sk', 'sl', 'hr', 'ro'], 'iso8859_2': ['cs', 'pl', 'hu', 'sk', 'sl', 'hr'],
    'cp1251': ['ru', 'uk', 'bg', 'sr', 'mk'], 'koi8_r': ['ru'], 'koi8_u': ['uk'], 'cp866': ['ru'], 'iso8859_5': ['ru', 'bg'],
    'cp1253': ['el'], 'iso8859_7': ['el'], 'cp1254': ['tr'], 'iso8859_9': ['tr'],
    'cp1257': ['lv', 'lt'], 'iso8859_13': ['lv', 'lt'], 'cp1255': ['he'], 'iso8859_8': ['he'], 'cp1256': ['ar', 'fa'],
    'cp1258': ['vi'], 'mac_roman': ['de', 'fr', 'es', 'it'], 'cp850': ['de', 'fr', 'es'], 'cp437': ['de', 'en'],
    'iso8859_16': ['ro'], 'iso8859_4': ['lv', 'lt'],
    'cp949': ['ko'], 'euc_jp': ['ja'], 'shift_jis': ['ja'], 'gb18030': ['zh'], 'big5': ['zh'],
}

GEN = r"""
import json, random, sys, wordfreq
charsets, seed, per, wrap = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
def page(lines):
    # The lines inside the ASCII markup of a feed or a web page, declaring no charset.
    stamp = f"{rng.choice(['Mon', 'Tue', 'Thu', 'Sat'])}, {rng.randint(1, 28):02} {rng.choice(['Jan', 'May', 'Nov'])} {rng.randint(2003, 2024)} {rng.randint(0, 23):02}:{rng.randint(0, 59):02}:00 GMT"
    if rng.random() < 0.5:
        items = ''.join(f'<item>\n<title>{l}</title>\n<link>https://www.example.org/archives/{rng.randint(100, 99999)}.html</link>\n'
                        f'<pubDate>{stamp}</pubDate>\n<guid isPermaLink="false">tag:example.org,{rng.randint(2003, 2024)}:{rng.randint(1, 9999)}</guid>\n'
                        f'<description><![CDATA[<p class="summary">{l}</p>]]></description>\n</item>\n' for l in lines)
        return ('<?xml version="1.0"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
                f'<title>{lines[0]}</title>\n<link>https://www.example.org/</link>\n<lastBuildDate>{stamp}</lastBuildDate>\n'
                f'<generator>https://wordpress.org/?v=4.{rng.randint(1, 9)}</generator>\n{items}</channel>\n</rss>\n')
    body = ''.join(f'<div class="entry"><h2><a href="/post/{rng.randint(100, 99999)}" rel="bookmark">{l}</a></h2></div>\n' for l in lines)
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{lines[0]}</title>\n<link rel="stylesheet" href="/static/css/main.css?v={rng.randint(1, 99)}" type="text/css">\n'
            '<script src="https://www.google-analytics.com/analytics.js" async></script>\n</head>\n<body class="home blog">\n'
            f'{body}<div id="footer"><a href="/feed/">RSS</a> | <a href="/about/">About</a></div>\n</body>\n</html>\n')
def code(lines):
    # The lines as the comments and a string of a small C source file.
    name = rng.choice(['parse_header', 'load_config', 'update_index', 'render_row'])
    out = ['#include <stdio.h>', '#include <string.h>', '', f'/* {lines[0]} */', f'static int {name}(const char *path, int flags)', '{']
    for line in lines[1:] or lines:
        out += [f'    // {line}', f'    if (flags & 0x{rng.randint(1, 255):02x}) {{', f'        return {rng.randint(-9, 9)};', '    }']
    out += [f'    printf("%s: %d\\n", "{lines[-1]}", flags);', '    return 0;', '}', '']
    return '\n'.join(out)
def sign(words):
    n = str(rng.randint(2, 250)); w = rng.choice(words); v = rng.choice(words)
    return rng.choice([
        '© ' + str(rng.randint(1990, 2026)) + ' ' + w.capitalize(), w.capitalize() + '® ' + v, w.capitalize() + '™',
        n + '°C', n + ' °C', n + '°', n + '×' + str(rng.randint(2, 99)) + '×' + str(rng.randint(2, 99)) + ' cm',
        n + ' × ' + str(rng.randint(2, 9)), n + ' µm', n + '½', '§ ' + n, '§' + n, '£' + n, n + ' €', '€' + n, '¥' + n,
        n + ' m²', n + ' cm³', '«' + w + ' ' + v + '»', '« ' + w + ' »', '„' + w + ' ' + v + '“', '„' + w + '”',
        '“' + w + ' ' + v + '”', w + ' – ' + v, w + ' — ' + v, n + ' ± ' + str(rng.randint(1, 9)), n + '%', '…', w + '…',
        '• ' + w, w + ' · ' + v, n + '‰', 'x²', '¿' + w + '?', '¡' + w + '!'])
words, files = {}, []
for charset, langs in charsets.items():
    for lang in langs:
        if lang not in words: words[lang] = [w for w in wordfreq.top_n_list(lang, 8000) if len(w) > 1]
        made = tries = 0
        while made < per and tries < per * 20:
            tries += 1
            lines = []
            for _ in range(rng.choice([1, 1, 2, 3, 5])):
                ws = rng.sample(words[lang], rng.choice([5, 8, 12, 20]))
                if rng.random() < 0.5: ws.insert(rng.randrange(len(ws) + 1), sign(words[lang]))
                line = ' '.join(ws)
                lines.append(line[0].upper() + line[1:] + rng.choice(['.', '!', '?', ':', '.']))
            text = page(lines) if wrap == 'markup' else code(lines) if wrap == 'code' else '\n'.join(lines) + '\n'
            try: data = text.encode(charset)
            except UnicodeEncodeError: continue
            if all(b < 0x80 for b in data): continue
            files.append([charset, lang, text, data.hex()])
            made += 1
json.dump(files, sys.stdout, ensure_ascii=False)
"""


def judge(bin_, item):
    charset, lang, text, hexdata = item
    data = bytes.fromhex(hexdata)
    r = subprocess.run([bin_, 'repair', '-'], input=data, capture_output=True)
    if r.returncode == 3:
        return 'refused', ''
    if r.returncode == 0 and r.stdout == text.encode():
        return 'right', ''
    e = subprocess.run([bin_, 'explain', '-'], input=data, capture_output=True).stdout.decode(errors='replace')
    read_as = next((l.split(':', 1)[1].strip() for l in e.splitlines() if l.startswith('input encoding')), '?')
    return 'wrong', f"read as {read_as}: {r.stdout.decode(errors='replace')[:160]!r}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / ".build" / "release" / "mojifix"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files-per-language", type=int, default=30)
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--json")
    ap.add_argument("--markup", action="store_true", help="the lines inside a feed's or a web page's ASCII markup")
    ap.add_argument("--code", action="store_true", help="the lines as the comments and a string of a C source file")
    args = ap.parse_args()
    gen = subprocess.run([venv_python(), "-c", GEN, json.dumps(CHARSETS), str(args.seed), str(args.files_per_language), 'markup' if args.markup else 'code' if args.code else 'plain'],
                         capture_output=True, text=True, check=True)
    files = json.loads(gen.stdout)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda f: judge(args.bin, f), files))
    per = collections.defaultdict(collections.Counter)
    for (charset, *_), (verdict, _) in zip(files, results):
        per[charset][verdict] += 1
    total = collections.Counter()
    print(f"{'charset':<11} {'files':>5} {'right':>6} {'refused':>8} {'wrong':>6}")
    for charset in CHARSETS:
        c = per[charset]
        total.update(c)
        print(f"{charset:<11} {sum(c.values()):>5} {c['right']:>6} {c['refused']:>8} {c['wrong']:>6}")
    n = sum(total.values())
    print(f"{'all':<11} {n:>5} {total['right']:>6} {total['refused']:>8} {total['wrong']:>6}"
          f"   (right {100 * total['right'] / n:.1f}%, wrong {100 * total['wrong'] / n:.1f}%; seed {args.seed})")
    shown = 0
    for (charset, lang, text, _), (verdict, detail) in zip(files, results):
        if verdict == 'wrong' and shown < args.show:
            print(f"  wrong {charset} {lang}: {text[:90]!r} -> {detail}")
            shown += 1
    if args.json:
        Path(args.json).write_text(json.dumps([[f[0], f[1], f[2], v, d] for f, (v, d) in zip(files, results)], ensure_ascii=False))


if __name__ == "__main__":
    main()
