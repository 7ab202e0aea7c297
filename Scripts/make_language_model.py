#!/usr/bin/env python3
"""Builds mojifix's language plausibility model: Sources/CMojifixLanguage/model_data.c.

Character unigram and bigram costs (-ln P, in tenths of a nat) per language, from the word
frequency lists of the `wordfreq` package (data CC-BY-SA 4.0, see
Sources/CMojifixLanguage/LICENSE-data). Each word counts with its frequency, wrapped in word
boundaries, so the counts are those of running text. Traditional Chinese is the Simplified list
converted with OpenCC (`opencc-purepy`). Languages wordfreq lacks (Welsh, Estonian, Albanian,
Thai) come from the character n-gram profiles of the `langdetect` package (MIT; profiles from
Wikipedia text), whose 1- and 2-gram counts are used the same way.

Usage (development time only; the output is committed):
    python3 -m venv /tmp/lm && /tmp/lm/bin/pip install 'wordfreq==3.1.1' 'opencc-purepy==1.5.0'
    /tmp/lm/bin/python Scripts/make_language_model.py > Sources/CMojifixLanguage/model_data.c

The token rules (case folding, digits, boundaries) are those of `mj_lm_token` in
Sources/CMojifixLanguage/language_model.c: a change there needs the same change here.
"""
import math
import sys
import unicodedata

import wordfreq

# (code, script, number of words read, bigrams kept). Scripts: see mj_lm_script in the header.
LATIN, CYRILLIC, GREEK, HEBREW, ARABIC, HAN, JAPANESE, HANGUL, THAI = range(1, 10)
LANGUAGES = [
    ("en", LATIN), ("fr", LATIN), ("de", LATIN), ("es", LATIN), ("it", LATIN), ("pt", LATIN),
    ("nl", LATIN), ("sv", LATIN), ("da", LATIN), ("nb", LATIN), ("fi", LATIN), ("is", LATIN),
    ("ca", LATIN), ("pl", LATIN), ("cs", LATIN), ("sk", LATIN), ("hu", LATIN), ("ro", LATIN),
    ("sh", LATIN), ("sl", LATIN), ("lt", LATIN), ("lv", LATIN), ("tr", LATIN), ("vi", LATIN),
    ("ru", CYRILLIC), ("uk", CYRILLIC), ("bg", CYRILLIC), ("mk", CYRILLIC),
    ("el", GREEK), ("he", HEBREW), ("ar", ARABIC), ("fa", ARABIC),
    ("zh-Hans", HAN), ("zh-Hant", HAN), ("ja", JAPANESE), ("ko", HANGUL), ("th", THAI),
    ("cy", LATIN), ("et", LATIN), ("sq", LATIN),
]
FROM_LANGDETECT = {"th", "cy", "et", "sq"}
WORDS = 60000
MAX_UNIGRAMS = 7000
MAX_BIGRAMS = {HAN: 24000, JAPANESE: 24000, HANGUL: 16000}
DEFAULT_BIGRAMS = 2600
BACKOFF = 2.3   # -ln(0.1): an unseen bigram costs the unigram plus this
FLOOR_MARGIN = 3.0  # an unseen character costs this much more than the rarest kept one
MIN_FLOOR = 18.0
BOUNDARY = 0x20
FOLD_LIMIT = 0x2000  # case folding table covers U+0000..U+1FFF (Latin, Greek, Cyrillic, Vietnamese)

# Scalars that separate words, like ASCII punctuation (mirrors mj_lm_token).
BOUNDARY_SCALARS = set(range(0x2000, 0x200C)) | set(range(0x2010, 0x2028)) | {
    0x00A0, 0x00AB, 0x00BB, 0x00A1, 0x00BF, 0x2039, 0x203A, 0x202F, 0x3000, 0x3001, 0x3002,
    0x30FB} | set(range(0x3008, 0x3012)) | set(range(0xFF01, 0xFF10)) | set(range(0xFF1A, 0xFF21))


def fold_table():
    """Lowercase of every scalar below FOLD_LIMIT that has a one-scalar lowercase."""
    table = list(range(FOLD_LIMIT))
    for c in range(FOLD_LIMIT):
        lower = chr(c).lower()
        if len(lower) == 1 and lower != chr(c):
            table[c] = ord(lower)
    table[0x0130] = ord("i")  # Turkish İ lowercases to i + U+0307; the word lists write i
    # Final ς stays itself here: the lists, case-folded, write σ for it, and the kernel reads a
    # text's ς as σ before this table (a table entry would make ς look uppercase to the kernel's
    # case-flip test). ß, folded to "ss", is priced as "ss" by the kernel too (language_model.c).
    for c in range(0x80):
        ch = chr(c)
        if ch.isdigit():
            table[c] = ord("0")
        elif not ch.isalpha():
            table[c] = BOUNDARY
    for c in BOUNDARY_SCALARS:
        if c < FOLD_LIMIT:
            table[c] = BOUNDARY
    return table


FOLD = fold_table()


def token(c):
    if c < FOLD_LIMIT:
        return FOLD[c]
    if c in BOUNDARY_SCALARS:
        return BOUNDARY
    return c


def tokens_of(word):
    out = [BOUNDARY]
    for ch in unicodedata.normalize("NFC", word):
        t = token(ord(ch))
        if t == BOUNDARY and out[-1] == BOUNDARY:
            continue
        out.append(t)
    if out[-1] != BOUNDARY:
        out.append(BOUNDARY)
    return out


def word_list(code):
    if code == "zh-Hant":
        from opencc_purepy import OpenCC
        convert = OpenCC("s2t").convert
        return [(convert(w), f) for w, f in word_list("zh-Hans")]
    lang = "zh" if code == "zh-Hans" else code
    items = sorted(wordfreq.get_frequency_dict(lang).items(), key=lambda kv: -kv[1])
    return items[:WORDS]


def langdetect_counts(code):
    """Unigram and bigram counts from langdetect's profile (n-grams of Wikipedia text, with
    spaces at word edges), folded into the model's tokens."""
    import json
    import os
    import langdetect
    path = os.path.join(os.path.dirname(langdetect.__file__), "profiles", code)
    with open(path, encoding="utf-8") as f:
        freq = json.load(f)["freq"]
    uni_count, bi_count = {}, {}
    for gram, n in freq.items():
        toks = [token(ord(ch)) for ch in unicodedata.normalize("NFC", gram)]
        if len(toks) == 1:
            uni_count[toks[0]] = uni_count.get(toks[0], 0) + n
        elif len(toks) == 2 and toks != [BOUNDARY, BOUNDARY]:
            bi_count[tuple(toks)] = bi_count.get(tuple(toks), 0) + n
    # The profiles count letters only; a word boundary is as frequent as word starts.
    uni_count[BOUNDARY] = sum(n for (a, _), n in bi_count.items() if a == BOUNDARY)
    return uni_count, bi_count


def model(code, script):
    """(unigram costs, bigram costs, floor, typical cost per token) for one language."""
    if code in FROM_LANGDETECT:
        uni_count, bi_count = langdetect_counts(code)
    else:
        uni_count, bi_count = {}, {}
        for word, freq in word_list(code):
            toks = tokens_of(word)
            for i, t in enumerate(toks):
                if i > 0:  # each boundary is shared by two words of running text
                    uni_count[t] = uni_count.get(t, 0) + freq
                    key = (toks[i - 1], t)
                    bi_count[key] = bi_count.get(key, 0) + freq
    total = sum(uni_count.values())
    kept = sorted(uni_count.items(), key=lambda kv: -kv[1])[:MAX_UNIGRAMS]
    uni = {t: -math.log(n / total) for t, n in kept if n / total > 1e-7}
    left = {}
    for (a, _), n in bi_count.items():
        left[a] = left.get(a, 0) + n
    bi = {}
    for (a, b), n in bi_count.items():
        if a not in uni or b not in uni:
            continue
        cost = -math.log(n / left[a]) + 0.1
        if cost < uni[b] + BACKOFF - 0.2:
            bi[(a, b)] = (cost, n)
    limit = MAX_BIGRAMS.get(script, DEFAULT_BIGRAMS)
    bi = dict(sorted(bi.items(), key=lambda kv: -kv[1][1])[:limit])
    bi = {k: v[0] for k, v in bi.items()}
    # Never below MIN_FLOOR: a small profile (langdetect's) must not make unseen characters cheap.
    floor = max(max(uni.values()) + FLOOR_MARGIN, MIN_FLOOR)
    # Typical cost per token of the language's own running text under this very model. Chinese
    # and Japanese write no spaces: there a word follows the previous one's last character.
    def cost(a, b):
        return bi.get((a, b), uni[b] + BACKOFF if b in uni else floor)
    spent = weight = 0.0
    for (a, b), n in bi_count.items():
        if script in (HAN, JAPANESE) and BOUNDARY in (a, b):
            if a == BOUNDARY:  # a word start after an unknown character: the backed-off unigram
                spent += (uni[b] + BACKOFF if b in uni else floor) * n
                weight += n
            continue
        spent += cost(a, b) * n
        weight += n
    return uni, bi, floor, spent / weight


def quant(cost):
    return max(1, min(255, int(round(cost * 10))))


def main():
    entries = []  # (key, cost) where key = lang << 42 | a << 21 | b, a = 0 for unigrams
    langs = []
    for index, (code, script) in enumerate(LANGUAGES):
        uni, bi, floor, typical = model(code, script)
        langs.append((code, script, quant(floor), quant(typical), len(uni), len(bi)))
        for b, c in uni.items():
            entries.append(((index << 42) | b, quant(c)))
        for (a, b), c in bi.items():
            entries.append(((index << 42) | (a << 21) | b, quant(c)))
        print(f"{code}: {len(uni)} characters, {len(bi)} bigrams, typical {typical:.2f}", file=sys.stderr)
    size = 1
    while size < len(entries) * 10 // 7:
        size *= 2
    table = [0] * size
    for key, cost in entries:
        slot = hash_key(key) & (size - 1)
        while table[slot]:
            slot = (slot + 1) & (size - 1)
        table[slot] = (cost << 56) | key
    out = sys.stdout
    out.write("// Generated by Scripts/make_language_model.py from wordfreq 3.1.1 (data CC-BY-SA 4.0,\n")
    out.write("// see LICENSE-data). Do not edit: regenerate.\n")
    out.write('#include "model_data.h"\n\n')
    out.write(f"const int mj_lm_language_count_ = {len(langs)};\n")
    out.write("const mj_lm_language_info mj_lm_languages_[] = {\n")
    for code, script, floor, typical, nu, nb in langs:
        out.write(f'    {{"{code}", {script}, {floor}, {typical}}},  // {nu} characters, {nb} bigrams\n')
    out.write("};\n\n")
    out.write(f"const uint32_t mj_lm_table_mask_ = {size - 1};\n")
    out.write("const uint64_t mj_lm_table_[] = {\n")
    for i in range(0, size, 8):
        out.write(",".join(hex(v) if v else "0" for v in table[i:i + 8]) + ",\n")
    out.write("};\n\n")
    out.write(f"const uint16_t mj_lm_fold_[{FOLD_LIMIT}] = {{\n")
    for i in range(0, FOLD_LIMIT, 16):
        out.write(",".join(str(v) for v in FOLD[i:i + 16]) + ",\n")
    out.write("};\n")


def hash_key(key):
    """Mirrors mj_lm_hash in language_model.c."""
    return ((key * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> 40


if __name__ == "__main__":
    main()
