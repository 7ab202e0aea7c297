#!/usr/bin/env python3
"""Generate the mojifix test corpus under Corpus/.

    python3 Scripts/make_corpus.py           # (re)generate Corpus/
    python3 Scripts/make_corpus.py --check   # regenerate into a temp dir, compare byte-for-byte
                                             # with Corpus/, and verify every case
Options: --seeds DIR  the five seed posts (default: ../shared/seeds beside the repository if it exists, otherwise
                      the copies already in Corpus/seeds and Corpus/clean)
         --out DIR    output folder (default: <repo>/Corpus)

Python 3.11, standard library only. Deterministic: every choice comes from random.Random(2026)
(per-chain generators are seeded from it in a fixed order), files are written as bytes, and
nothing depends on the clock, the locale or directory order. Garbling uses Python's own codecs.

All non-seed source texts below were written for this corpus. Invisible characters are spelled
as escapes (NBSP \\u00a0, NNBSP \\u202f, ZWJ \\u200d, VS16 \\ufe0f, tags \\U000E00xx) so that
they can be reviewed.
"""
import argparse
import filecmp
import hashlib
import os
import random
import re
import shutil
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(REPO, "Corpus")
SHARED_SEEDS = os.path.join(os.path.dirname(REPO), "shared", "seeds")

SEED_FILES = {
    # id: (file name in the shared seed folder, SHA-256 of its bytes)
    "000": ("000_9330d73a3a582a3f.txt", "837cbc23b17c9530ec577690b8909359ec98594a7e7b733f37347c683dc4ef7e"),
    "001": ("001_3bb14578ecce7012.txt", "7dc42252aaeb946db4a170c70be8c22f8c8bee56a5882f109cf8b053c191b7b9"),
    "002": ("002_196532930b06175a.txt", "5980bc2319af4e46d7f3fb90e37c1accac6e6d3ef3cb11a64dbd365309fc41c1"),
    "003": ("003_114e23025571139d.txt", "f0c1e09e8c8085af1923a128f931cf09939b09b7a43b491399c6ca3cc5a83024"),
    "004": ("004_8ef3e9fb15859804.txt", "2993e2b298e2b057ab18f98e1664e144f668461bf28b5152cee9166b783667ed"),
}
SEED_002_EXPECTED_SHA = "a21871412f7021446ec45745317e8ce88aca672efdb643834881d1fb315b862c"
SEED_002_EXPECTED_LEN = 17517

ZWJ, VS16, VS15, KEYCAP = "\u200d", "\ufe0f", "\ufe0e", "\u20e3"
NBSP, NNBSP = "\u00a0", "\u202f"


def tag_flag(region):  # RGI emoji tag sequence, e.g. "gbsct" -> Scotland
    return "\U0001F3F4" + "".join(chr(0xE0000 + ord(c)) for c in region) + "\U000E007F"


SCOTLAND, WALES, ENGLAND = tag_flag("gbsct"), tag_flag("gbwls"), tag_flag("gbeng")
FAMILY = "\U0001F468" + ZWJ + "\U0001F469" + ZWJ + "\U0001F467" + ZWJ + "\U0001F466"
TECHNOLOGIST = "\U0001F9D1" + ZWJ + "\U0001F4BB"
ASTRONAUT_MEDIUM = "\U0001F469\U0001F3FD" + ZWJ + "\U0001F680"
RAINBOW_FLAG = "\U0001F3F3" + VS16 + ZWJ + "\U0001F308"
HEART_ON_FIRE = "\u2764" + VS16 + ZWJ + "\U0001F525"
HANDSHAKE_PAIR = "\U0001F9D1\U0001F3FB" + ZWJ + "\U0001F91D" + ZWJ + "\U0001F9D1\U0001F3FF"
WARNING = "\u26a0" + VS16
RED_HEART = "\u2764" + VS16
SUN = "\u2600" + VS16
CHECK = "\u2714" + VS16
ONE, HASH, STAR = "1" + VS16 + KEYCAP, "#" + VS16 + KEYCAP, "*" + VS16 + KEYCAP

# ---------------------------------------------------------------------------------------------
# Source texts (own writing) used for golden and lossy cases
# ---------------------------------------------------------------------------------------------

KO_SHORT = [
    "오늘 회의는 오후 3시로 변경되었습니다.",
    "똠양꿍 맛집 추천 부탁드려요",
    "뷁! 빌드가 또 깨졌네요 ㅋㅋ",
    "git push 전에 테스트를 꼭 돌려 주세요.",
    "파일 이름이 깨져서 보입니다.",
    "배포 완료 ✅ 다들 수고하셨습니다 🙏",
    "서울특별시 강남구 테헤란로 123, 4층",
    "factor를 2로 나누면 정답이 나옵니다",
    "똭똭 두드리는 소리에 잠이 깼다",
    "“따옴표”와 ‘작은따옴표’를 확인해 주세요",
    "온도는 25°C, 습도는 60%입니다",
    "설정 → 일반 → 언어 및 지역",
    "ㅋㅋㅋㅋ 진짜 웃기다 ㅠㅠ",
    "## 📌 한 줄 요약",
    "- 👍 182",
    "   - 기관: ·13 authors",
    "제목: 주간 보고서 (3월 첫째 주)",
    "### " + TECHNOLOGIST + " 개발자 관점",
    "### " + WARNING + " 리스크/한계",
]
KO_WORDS = ["일간", "한", "논문", "똠", "좋아요", "햏"]
EMOJI_ONLY = ["\U0001F44D", TECHNOLOGIST, WARNING, "\U0001F1F0\U0001F1F7", "\U0001F389\U0001F389\U0001F389",
              "\U0001F44D\U0001F3FD", FAMILY, "\U0001F4CA"]

KO_PARAS = [
    ("ko-para-weather", "오늘 서울은 아침부터 흐리고 오후에는 비가 내리겠습니다. 최저 기온은 3도, 최고 기온은 "
     "9도로 어제보다 조금 포근하겠지만, 바람이 강하게 불어 체감 온도는 낮겠습니다. 외출하실 때는 우산을 꼭 "
     "챙기세요.\n"),
    ("ko-para-release", "새 버전에서는 파일을 읽을 때 인코딩을 자동으로 감지합니다. UTF-8이 아니면 CP949와 "
     "EUC-KR을 차례로 시도하고, 어느 쪽도 맞지 않으면 원본을 그대로 둡니다. 변경 사항은 CHANGELOG.md에 "
     "정리해 두었습니다.\n"),
    ("ko-para-cooking", "된장찌개를 끓일 때는 멸치 육수를 먼저 내고, 애호박과 두부는 마지막에 넣어야 식감이 "
     "살아 있습니다. 청양고추를 한두 개 썰어 넣으면 칼칼한 맛이 더해집니다.\n"),
    ("ko-para-travel", "부산 여행 둘째 날에는 감천문화마을과 해운대를 둘러봤다. 골목마다 알록달록한 벽화가 "
     "그려져 있었고, 저녁에는 광안대교 야경을 보며 회를 먹었다.\n"),
    ("ko-para-minutes", "회의록 (2026년 3월 4일)\n- 참석자: 김민준, 이서연, 박지호\n- 안건: 배포 일정 조정\n"
     "- 결정: 금요일 배포는 하지 않는다. 다음 주 화요일 오전 10시에 배포한다.\n"),
    ("ko-para-hangul", "이 책은 한글이 어떻게 만들어졌는지를 차근차근 설명한다. 훈민정음 해례본에 담긴 제자 "
     "원리, 곧 발음 기관의 모양을 본떠 자음을 만들고 하늘·땅·사람을 본떠 모음을 만들었다는 이야기가 특히 "
     "흥미로웠다.\n"),
    ("ko-uhc-01", "햏자들이 모이는 게시판에서는 '뷁'이나 '똠' 같은 글자가 자주 보였다. 이런 글자는 KS X 1001 "
     "완성형 2,350자에 들어 있지 않아서, 예전 EUC-KR 환경에서는 깨지거나 물음표로 바뀌곤 했다.\n"),
    ("ko-uhc-02", "똠얌꿍과 팟타이를 시켰는데 똭 소리가 나도록 맛있었다. 메뉴판의 '샾' 표시는 매운 정도를 "
     "뜻한다고 한다. 뙇! 하고 나온 디저트는 쌰베트였다.\n"),
    ("ko-uhc-03", "똠\n뷁\n똭\n"),
    ("ko-ksx-hanja", "大韓民國은 民主共和國이다. 이 문장은 憲法 第1條 第1項으로, 國漢文 혼용체의 예로 자주 "
     "인용된다. 訓民正音은 1446년에 반포되었다.\n"),
    ("ko-ksx-symbols", "※ 주의: 1인 1잔 한정 ① 아메리카노 ② 카페라테 ③ 녹차 / 가격은 ￦4,500부터, 거리는 "
     "약 3㎞, 「영업시간」은 오전 9시~오후 6시.\n"),
    ("ko-para-won", "가격표: 아메리카노 ₩4,500 → 할인가 ₩3,900 (약 13% 할인). 영수증은 메일로 보내 드립니다 "
     "📧\n"),
    ("ko-para-chat", "ㅋㅋㅋ 그거 진짜야? ㄱㅏ 보자 ㅎㅎ 내일 10시에 만나 " + "\U0001F44B\U0001F3FB" + " 늦으면 "
     "커피 쏘기 ☕\n"),
]

KO_MD = [
    ("ko-md-01", """\
---
title: "Swift로 CLI 도구 만들기"
date: 2026-03-02 10:00:00 +0900
categories: [개발, Swift]
tags: [swift, cli, 인코딩]
---

# Swift로 CLI 도구 만들기

이번 글에서는 `swift-argument-parser`를 사용해 간단한 명령줄 도구를 만듭니다.

```swift
// 파일을 읽어서 줄 수를 센다
let text = try String(contentsOfFile: path, encoding: .utf8)
print("줄 수: \\(text.split(separator: "\\n").count)")
```

> 참고: 빌드는 `swift build -c release`로 합니다.

| 옵션 | 설명 |
|------|------|
| `--dry-run` | 파일을 바꾸지 않고 결과만 출력 |
| `--check` | 깨진 파일이 있으면 1로 종료 |
"""),
    ("ko-md-02", """\
---
layout: post
title: 파이썬으로 CSV 정리하기 🐍
author: 김하늘
---

## 준비물

- Python 3.11 이상
- 정리할 `data.csv` 파일 (인코딩: UTF-8)

```python
import csv

# 이름과 점수를 읽어 평균을 낸다
with open("data.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
평균 = sum(int(r["점수"]) for r in rows) / len(rows)
print(f"평균 점수: {평균:.1f}점")
```

실행 결과는 다음과 같습니다:

```
평균 점수: 87.5점
```

1. 데이터를 읽는다
2. 평균을 계산한다
3. 결과를 **출력**한다
"""),
    ("ko-md-03", """\
---
title: 서버 점검 안내
date: 2026-01-20
tags: [공지]
---

### """ + WARNING + """ 점검 일정

**일시**: 1월 24일(토) 02:00 ~ 06:00 (KST)

점검 중에는 [상태 페이지](https://status.example.com/ko)에서 진행 상황을 확인할 수 있습니다.

```bash
# 점검 전 백업
tar czf backup-$(date +%F).tgz /srv/app   # 백업 파일 이름 예시
echo "백업 완료"
```

문의: <help@example.com> """ + TECHNOLOGIST + """
"""),
]

MULTI = {
    # lang: (short lines, paragraphs)
    "ja": (["今日はいい天気ですね。", "ファイル名が文字化けしています", "東京都渋谷区神南1-2-3",
            "「こんにちは」と彼女は言った。"],
           ["文字化けは、文字コードの指定が間違っているときに起こります。たとえば、UTF-8で保存したファイルを"
            "Shift_JISとして開くと、意味のない記号の列が表示されます。最近のエディタは自動判定をしてくれますが、"
            "短いテキストでは判定を誤ることもあります。\n",
            "昨日は友だちと京都へ行きました。清水寺から八坂神社まで歩いて、途中で抹茶のアイスクリームを"
            "食べました。夜は鴨川のほとりで少し休んでから、新幹線で帰りました。\n"]),
    "zh-hans": (["今天天气很好，我们去公园散步吧。", "文件名显示为乱码"],
                ["乱码通常是因为编码设置不一致造成的。比如把用 UTF-8 保存的网页当作 GBK 来解析，中文就会变成一串"
                 "奇怪的符号。解决办法是统一使用 UTF-8，并在文件开头声明编码。\n"]),
    "zh-hant": (["請在下午三點前提交報告。", "臺北市信義區市府路 45 號"],
                ["這家咖啡館位於老街的轉角，店裡擺滿了舊書和黑膠唱片。老闆說，他每天早上六點就開始烘焙咖啡豆，"
                 "所以整條街都聞得到香味。\n"]),
    "ru": (["Привет, как дела?", "Файл не найден: отчёт.docx", "РЕЗУЛЬТАТ: ПРОВЕРКА ПРОЙДЕНА"],
           ["Кракозябры появляются, когда текст в одной кодировке читают как текст в другой. Раньше это часто "
            "случалось с письмами: отправитель писал в KOI8-R, а почтовая программа получателя ожидала "
            "Windows-1251. Сегодня почти всё пишется в UTF-8, но старые архивы по-прежнему встречаются.\n"]),
    "uk": (["Ґанок біля їдальні пофарбували в жовтий колір."], []),
    "el": (["Καλημέρα σας!", "Ο καιρός σήμερα είναι ηλιόλουστος."],
           ["Η Αθήνα είναι μία από τις αρχαιότερες πόλεις του κόσμου. Οι επισκέπτες ανεβαίνουν στην Ακρόπολη "
            "νωρίς το πρωί, πριν ζεστάνει ο ήλιος, και το απόγευμα κάνουν βόλτα στην Πλάκα.\n"]),
    "fr": (["Où est la gare, s’il vous plaît" + NBSP + "?", "Ça coûte 12,50" + NBSP + "€ à Noël.",
            "À bientôt, déjà là‑bas ? Très bien."],
           ["L’été dernier, nous avons passé une semaine à Aix-en-Provence. Le marché du samedi matin était "
            "plein de lavande, de fromages de chèvre et d’abricots bien mûrs. Le soir, on dînait en terrasse près "
            "de la fontaine, où les cigales chantaient encore à vingt-deux heures.\n"]),
    "de": (["Grüße aus München!", "Die Größe der Datei beträgt 3 MB."],
           ["Über das Wochenende haben wir die Wohnung renoviert. Die Küche bekam neue Fliesen, im Flur hängen "
            "jetzt größere Lampen, und der alte Schrank wurde schließlich doch zum Sperrmüll gebracht. Am "
            "Sonntagabend waren alle müde, aber zufrieden.\n"]),
    "pt": (["Não sei onde está a chave.", "SÃO PAULO — Informação atualizada às 14h"],
           ["A viagem de São Paulo até o litoral leva cerca de duas horas. Na praia, comemos peixe grelhado com "
            "limão e bebemos água de coco. À noite, a conversa seguiu até tarde, entre histórias de família e "
            "canções antigas.\n"]),
    "pl": (["Łódź jest piękna jesienią.", "Źródło: Główny Urząd Statystyczny"],
           ["W sobotę pojechaliśmy rowerami nad jezioro. Woda była jeszcze chłodna, ale słońce grzało mocno, więc "
            "po kąpieli długo leżeliśmy na pomoście. Wracając, zatrzymaliśmy się w małej piekarni, gdzie "
            "kupiliśmy świeże bułki z makiem.\n"]),
    "vi": (["Xin chào, bạn khỏe không?", "Hà Nội mùa thu rất đẹp."],
           ["Sáng nay tôi dậy sớm để đi chợ. Ở đầu ngõ, bà cụ bán xôi vẫn ngồi chỗ cũ, khói bếp bay lên trong "
            "làn sương mỏng. Tôi mua một gói xôi đỗ xanh và một cốc cà phê sữa đá rồi về nhà làm việc.\n"]),
    "es": (["¿Dónde está la biblioteca? ¡Aquí!", "Mañana llegará el señor Núñez."], []),
    "tr": (["İstanbul’da hava bugün çok güzel.", "Şu dosyayı açamıyorum, yardım eder misin?"], []),
    "cs": (["Dobrý den, jak se máte? Těším se na léto."], []),
    "ar": (["مرحبا بكم في موقعنا", "تم حفظ الملف بنجاح."],
           ["تظهر الرموز الغريبة عندما يُقرأ النص بترميز غير الترميز الذي كُتب به. لذلك ننصح دائمًا بحفظ الملفات "
            "بترميز UTF-8، وبذكر الترميز بوضوح في رأس الصفحة.\n"]),
    "he": (["שלום, מה שלומך היום?"], []),
    "hi": (["नमस्ते, आप कैसे हैं?"], []),
    "th": (["สวัสดีครับ ยินดีต้อนรับ"], []),
    "emoji": (["Great job team! \U0001F389\U0001F680\U0001F44F\U0001F3FD",
               FAMILY + " family trip \U0001F3D6" + VS16 + " " + SUN,
               "Flags: \U0001F1F0\U0001F1F7 \U0001F1EF\U0001F1F5 \U0001F1FA\U0001F1E6 " + SCOTLAND,
               "Press " + ONE + " or " + HASH + " " + WARNING,
               RED_HEART + " " + HEART_ON_FIRE + " " + RAINBOW_FLAG],
              ["Release day \U0001F680\U0001F680 " + TECHNOLOGIST + " " + ASTRONAUT_MEDIUM + " shipped it, "
               + HANDSHAKE_PAIR + " reviewed it, and the tests are green " + CHECK + "\U0001F7E2. Next stop: "
               "\U0001F355 + \U0001F37A at 7pm \U0001F389 " + WALES + " " + ENGLAND + "\n"]),
}

JA_MD = ("ja-md-01", """\
---
title: "文字コードのメモ"
tags: [unicode, エンコーディング]
---

## まとめ

- UTF-8 は ASCII と互換性がある
- `Shift_JIS` は日本語の古い標準

```js
// 文字数を数える
const n = [..."日本語テキスト"].length;
console.log(`文字数: ${n}`);
```
""")

# Paragraphs used as the clean, untouched part of multi-language mixed documents.
MULTI_MIXED = [
    ("ja", "会議の資料は共有フォルダに置きました。明日の午前中までに目を通しておいてください。"),
    ("fr", "Le rapport final sera envoyé vendredi ; merci de vérifier les chiffres d’ici là."),
    ("ko", "회의 자료는 공유 폴더에 올려 두었습니다. 내일 오전까지 확인 부탁드립니다."),
    ("ru", "Отчёт будет готов к пятнице, проверьте, пожалуйста, таблицы."),
    ("emoji", "Status: " + CHECK + " build, " + WARNING + " 2 warnings, \U0001F41B 0 bugs"),
    ("de", "Bitte prüfen Sie die Übersetzung bis Donnerstag."),
]

# ---------------------------------------------------------------------------------------------
# Negative cases (must come back byte-identical). Own writing; valid UTF-8, NFC except where noted.
# ---------------------------------------------------------------------------------------------

NOT_NFC_ON_PURPOSE = {"nfd-latin-no-hangul", "cjk-compat-ideographs"}

NEGATIVES = {
    "ko-tech-english-particles": """\
이번 실험에서는 factor를 2로 고정하고 learning rate만 바꿨다.
LLM의 출력은 JSON으로 받고, API에서 오류가 나면 retry를 세 번까지 한다.
GPU가 부족해서 batch size를 16으로 줄였더니 loss가 더 안정적이었다.
PR을 올리기 전에 CI가 통과했는지 확인하고, README에 변경점을 적어 주세요.
Swift의 String은 grapheme 단위로 세기 때문에 count가 UTF-8 바이트 수와 다르다.
""",
    "ko-compat-jamo": """\
ㅋㅋㅋㅋㅋ 이거 실화냐
ㅎㅎ 알겠어 ㅇㅇ
ㄴㄴ 그건 아니지 ㅠㅠ
자음 ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ, 모음 ㅏ ㅑ ㅓ ㅕ ㅗ
ㄱㅏ 와 가 는 다른 문자열이다. ㄱㅏ는 호환 자모 두 글자다.
""",
    "ko-hanja-mixed": """\
大韓民國 憲法 第1條 ① 大韓民國은 民主共和國이다.
韓國語는 漢字語가 많아서 國漢文 混用 文章도 읽을 수 있어야 한다.
學而時習之면 不亦說乎아 — 논어의 첫 구절이다.
""",
    "ko-uhc-syllables": """\
똠방각하, 뷁, 똭, 햏자, 샾, 뙇 같은 글자도 UTF-8에서는 아무 문제 없이 쓸 수 있다.
쌰베트와 펲시를 사 왔다. 궳궳 소리를 내며 웃었다.
""",
    "ko-markdown-post": """\
---
title: 주간 회고 """ + TECHNOLOGIST + """
date: 2026-02-20 18:30:00 +0900
categories: [회고]
---

## 이번 주에 한 일

- 인코딩 감지 모듈 리팩터링 (`Detector.swift`)
- 테스트 케이스 42개 추가 """ + CHECK + """
- 문서 정리: **README**와 `CONTRIBUTING.md`

### """ + WARNING + """ 남은 문제

```swift
let s = "한글 테스트"   // 주석도 한글
assert(s.utf8.count == 16)
```

> 다음 주 목표: 릴리스 후보(RC) 만들기 \U0001F680
""",
    "ko-crlf": "안녕하세요, 고객센터입니다.\r\n문의하신 주문(번호 2026-0317)은 오늘 발송되었습니다.\r\n"
               "배송 조회는 내일부터 가능합니다.\r\n감사합니다.\r\n",
    "ko-no-trailing-newline": "마지막 줄 끝에 줄바꿈이 없는 파일입니다. 그대로 두어야 합니다.",
    "ko-punctuation-symbols": """\
「낫표」와 『겹낫표』, 〈홑화살괄호〉와 《겹화살괄호》를 모두 쓴다.
※ 참고 사항 · 가운뎃점 … 말줄임표 ～ 물결표
㈜한빛 ㉠ ㉡ ① ② ③ ㎞ ㎏ ㎖ ℃ ￦1,000 ₩2,000
“큰따옴표”와 ‘작은따옴표’ — 줄표 – 붙임표
""",
    "ko-fullwidth": """\
ＡＢＣ\u3000１２３\u3000（전각 문자） — 전각 공백(U+3000)이 들어 있다.
가나다ＡＢＣ！？
""",
    "ko-one-syllable": "한\n",
    "ko-emoji-chat": """\
오늘 점심 뭐 먹지? \U0001F914
나는 김치찌개 \U0001F372\U0001F44D\U0001F3FB
좋아 ㅋㅋ 12시에 로비에서 봐 \U0001F44B\U0001F3FD
""" + RED_HEART + " 고마워 " + FAMILY + "\n",
    "ko-old-hangul-conjoining": "옛한글: \u1112\u119e\u11ab\u1106\u119e\u11af, "
                                "\u1109\u119e\u11b7 — 아래아가 들어간 말은 조합형 자모로만 쓸 수 있다.\n",
    "ko-long-prose": """\
비가 그친 뒤의 골목은 유난히 조용했다. 가로등 불빛이 젖은 아스팔트에 길게 번졌고, 어디선가 라디오 소리가
희미하게 흘러나왔다. 나는 우산을 접어 들고 천천히 걸었다. 편의점 앞에는 고양이 한 마리가 웅크리고 앉아
나를 올려다보았다. 주머니를 뒤져 보니 아까 산 과자가 반쯤 남아 있었다.

집에 도착했을 때는 이미 자정이 넘어 있었다. 책상 위에는 읽다 만 소설과 식은 차 한 잔이 그대로 놓여 있었다.
나는 창문을 조금 열어 두고, 빗물 냄새를 맡으며 마지막 장을 펼쳤다.
""",
    "ja-prose": """\
駅前の小さな本屋は、夜九時まで開いている。棚には新刊のほかに、店主が選んだ古い詩集も並んでいる。
雨の日には客が少ないので、店主はカウンターの奥でゆっくりとお茶を飲んでいる。
「いらっしゃいませ。今日は寒いですね」と声をかけられ、私は思わず笑った。
""",
    "ja-halfwidth-katakana": "ｶﾀｶﾅ ﾃｽﾄ ｺﾝﾋﾟｭｰﾀ ｰ 半角カナは古いシステムでよく使われた。\n",
    "ja-markdown-code": """\
# 設定ファイル

```yaml
name: サンプル
locale: ja_JP.UTF-8
```

`config.yaml` を編集してから、`make` を実行してください。
""",
    "zh-hans": """\
周末我们去了杭州，在西湖边走了一整天。湖面上有很多小船，远处的雷峰塔在夕阳里特别好看。
晚饭吃的是东坡肉和龙井虾仁，味道非常地道。
""",
    "zh-hant": """\
週末我們去了臺南，在老街吃了擔仔麵和虱目魚粥。
傍晚到安平古堡看夕陽，風很大，但景色很美。
""",
    "zh-punct-fullwidth": "标点符号：，。！？；：“”‘’（）【】《》——……\n",
    "el-greek": """\
Η θάλασσα ήταν ήρεμη και το νερό καθαρό. Καθίσαμε σε μια ταβέρνα δίπλα στο λιμάνι.
ΠΡΟΣΟΧΗ: Ο ΔΡΟΜΟΣ ΕΙΝΑΙ ΚΛΕΙΣΤΟΣ. Ἀθῆναι, ἡ πόλις.
""",
    "ru-russian": """\
Вчера мы гуляли по набережной до самого заката. Ветер с реки был холодный, но солнце ещё грело.
ВНИМАНИЕ: ЁЛКА БУДЕТ УСТАНОВЛЕНА В СУББОТУ. Съешь же ещё этих мягких булок.
""",
    "uk-ukrainian": "Їжачок ховається під ґанком, а діти шукають його з ліхтариком. Єдине, що чути, — шелест листя.\n",
    "ar-arabic": """\
ذهبنا إلى السوق القديم صباح الجمعة، واشترينا التمر والقهوة والبهارات.
الأرقام: ١٢٣٤٥٦٧٨٩٠ — السعر ٢٥ ريالًا.
""",
    "he-hebrew": "בבוקר הלכנו לשוק, קנינו פירות טריים ולחם חם. המחיר: 25 ₪.\n",
    "fa-persian": "امروز هوا آفتابی است و ما به پارک می\u200cرویم. شماره: ۱۲۳۴۵\n",
    "hi-hindi": "आज मौसम बहुत अच्छा है। शाम को हम बाजार जाएँगे और मिठाई खरीदेंगे।\n",
    "th-thai": "วันนี้อากาศดีมาก เราจะไปเดินเล่นที่สวนสาธารณะตอนเย็น\n",
    "vi-vietnamese": """\
Mùa hè năm ấy, chúng tôi về quê ngoại. Buổi trưa, cả nhà ngồi dưới gốc nhãn ăn dưa hấu.
TIẾNG VIỆT CÓ NHIỀU DẤU: Ắ Ặ Ẽ Ộ Ừ Ỹ Đ đ.
""",
    "fr-french-typography": ("Il a dit" + NBSP + ": «" + NNBSP + "À bientôt" + NNBSP + "»" + NBSP + "!\n"
                             "Le prix est de 12" + NNBSP + "500" + NBSP + "€" + NBSP + "; vraiment" + NBSP + "?\n"
                             "ÉCOLE, ÇA VA, ÊTRE, CŒUR, ŒUVRE — l’élève a été reçu à l’examen.\n"
                             "Noël, naïf, Noé, où, déjà, garçon, façade, hôtel, forêt.\n"),
    "de-german": """\
Die Straße vor unserem Haus wird nächste Woche gesperrt. Größere Fahrzeuge müssen ausweichen.
„Ja“, sagte sie, „das ist schön.“ ÄRGER, ÖFFNUNGSZEITEN, ÜBERGRÖSSE, GROẞ.
""",
    "es-spanish": "¿Vienes mañana? ¡Claro que sí! ESPAÑA, NIÑO, el 1.º y la 2.ª edición, pingüino.\n",
    "pt-portuguese": """\
SÃO PAULO — A previsão é de chuva à tarde. INFORMAÇÃO: o ÂNGULO da ponte foi medido.
Não, não é verdade; as lições começam às nove. CORAÇÃO, PÃO, AVÔ, AVÓ.
""",
    "pl-polish": "Gęś i żółw spotkali się przy źródle. ŻÓŁTY, ŚLĄSK, ŁÓDŹ, CZEŚĆ, Małgorzata.\n",
    "cs-czech": "Řeka se po dešti rozlila až k zahradám. ŘÍJEN, ŠKOLA, ŽIVOT, přítel, ůl.\n",
    "tr-turkish": "İstanbul’un ışıkları gece çok güzel görünüyor. IĞDIR, ŞİŞLİ, ÇAĞ, ÖZGÜR.\n",
    "is-icelandic": "Þetta er gott veður í Reykjavík í dag. ÞINGVELLIR, ÆVINTÝRI, Ð ð Æ æ Ö ö.\n",
    "it-italian": "Perché la città è così bella? GIOVEDÌ, PERCHÉ, CITTÀ, È vero, più tardi.\n",
    "nordic-danish-norwegian-swedish": "Smørrebrød på Ærø, blåbær i Tromsø, ÅRHUS, ØRESUND, sjö och älv.\n",
    "ro-romanian": "Mâine mergem la munte, în Brașov. ȘCOALĂ, ȚARĂ, ÎNCEPUT, ăsta.\n",
    "hu-hungarian": "Árvíztűrő tükörfúrógép nélkül is szép az élet. ŐSZ, TŰZ, Ünnep.\n",
    "latin-uppercase-accents": "ÀÉÎÕÜ ÁÈÍÓÚ ÂÊÔÛ ÄËÏÖ ÃÑ ÇØÅ ÉCOLE ÇA SÃO PAULO NAÏVE HAÏTI ÍSLAND ÓRGANO\n",
    "quotes-accented-capitals": """\
“École” et «À bientôt» sont des expressions courantes.
Il a crié «OLÉ» puis “OLÉ” encore, et la foule a répondu ‘ÇA’.
Ærø er en ø; “Ålborg” og ‘Øresund’.
""",
    "math-symbols": """\
∑ᵢ xᵢ ≈ 42, ∏ (1 + ε) ≤ e, lim n→∞, √2 ≈ 1.414, ± 0.5
x ≠ y, a ≤ b ≥ c, π ≈ 3.14159, Ω = 50 kΩ, µm, ∂f/∂x, ∆t, ∫₀¹ f(x) dx
ℓ² norm, ϵ-ball, x ∼ N(0, 1), ∀x ∃y, A ⊂ B, ∅, ∈, ∇·F
""",
    "typographic-symbols": "© 2026 Example Ltd. ® ™ § 3 ¶ 2 † ‡ • item … ‰ ‹single› «double»\n",
    "currencies": "€ 10, £ 8, ¥ 1,200, ¢ 50, ₩ 13,000, ₹ 700, ₽ 900, ₺ 300, ₿ 0.001, $ 5\n",
    "degrees-fractions": "Heute 25°C, morgen 18 °C. ½ Tasse Zucker, ¼ Liter Milch, ¾ der Zeit, 90° Winkel, № 5.\n",
    "emoji-zwj-families": ("Family " + FAMILY + ", developer " + TECHNOLOGIST + ", astronaut " + ASTRONAUT_MEDIUM
                           + ", " + RAINBOW_FLAG + ", " + HEART_ON_FIRE + ", " + HANDSHAKE_PAIR + "\n"),
    "emoji-flags": ("\U0001F1F0\U0001F1F7 \U0001F1EF\U0001F1F5 \U0001F1E8\U0001F1F3 \U0001F1EB\U0001F1F7 "
                    "\U0001F1E7\U0001F1F7 \U0001F1FA\U0001F1E6 " + SCOTLAND + " " + WALES + " " + ENGLAND + "\n"),
    "emoji-keycaps": "Step " + ONE + " then " + HASH + " then " + STAR + " and 0" + VS16 + KEYCAP + "\n",
    "emoji-skin-tones": ("\U0001F44D\U0001F3FB \U0001F44D\U0001F3FC \U0001F44D\U0001F3FD \U0001F44D\U0001F3FE "
                         "\U0001F44D\U0001F3FF \U0001F44B\U0001F3FC \U0001F64F\U0001F3FE\n"),
    "emoji-vs16": (WARNING + " caution " + RED_HEART + " love " + SUN + " sunny " + CHECK + " done "
                   "\u260e" + VS16 + " call, text style \u263a" + VS15 + " and \u2764" + VS15 + "\n"),
    "emoji-mixed-korean": ("### " + TECHNOLOGIST + " 개발자 관점\n### " + WARNING + " 리스크/한계\n"
                           "- \U0001F44D 182\n- \U0001F680 바로 실험할 액션\n"),
    "cjk-compat-ideographs": "호환 한자: \uf900 \uf901 \uf902 \uf92c \uf9b5 \ufa10 — NFC would replace them.\n",
    "nfd-latin-no-hangul": unicodedata.normalize("NFD", "café, naïve, Ångström, São Paulo, Ḿ, résumé\n"),
    "markdown-code-english": """\
# Build notes

Run `swift build -c release` and then:

```sh
grep -rn 'TODO' Sources/ | sort
printf '%s\\n' "done"
```

- [x] tests
- [ ] docs (see <https://example.com/docs>)
""",
    "json-config": """\
{
  "name": "demo",
  "greeting": {"ko": "안녕하세요", "ja": "こんにちは", "fr": "Bonjour à tous", "ru": "Привет"},
  "currency": "€",
  "emoji": "\U0001F389"
}
""",
    "mixed-scripts-table": """\
| lang | word |
|------|------|
| ko | 사랑 |
| ja | 愛 |
| el | αγάπη |
| ru | любовь |
| ar | حب |
| hi | प्रेम |
| fr | amour |
""",
    "ipa-phonetics": "IPA: [ˈhæŋɡəl] /ʃə.ˈmɛ.ʁi/ [ɲ ʎ ɾ ʔ ə ː ˌ] θ ð ŋ ʒ\n",
    "box-drawing-shapes": "┌──┬──┐\n│가│AB│\n└──┴──┘\n░▒▓ ■□ ▶◀ ◆◇ ★☆ ○●\n",
    "en-plain-ascii": "Plain ASCII text. Nothing to fix here: quotes \"like this\" and 'this', tabs\tand dashes -- ok.\n",
    "ko-english-code-spans": "`UTF-8`로 저장하고 `Content-Type: text/html; charset=utf-8`을 꼭 넣으세요. 예: `ls -al`를 실행.\n",
    "ko-with-nbsp-in-french-quote": ("프랑스어 문장 «" + NBSP + "Bonjour" + NBSP + "» 에는 줄바꿈 없는 공백이 들어간다.\n"),
    "mixed-ko-ja-zh": "한국어, 日本語, 中文 을 한 줄에 섞어 쓴다. 漢字와 ひらがな 그리고 简体字.\n",
    "ko-numbers-units": "총 3,482,000원 (VAT 10% 포함), 1.5㎏, 12㎝, 속도 120㎞/h, 온도 -3.5℃.\n",
    "greek-math-letters": "α β γ δ ε ζ η θ λ μ ξ σ φ ψ ω, ϑ ϕ ϵ ϱ, ℏ ℓ ℘ ℜ ℑ\n",
    "armenian-georgian": "Բարև ձեզ։ გამარჯობა! ქართული ენა.\n",
    "latin-ligatures-dashes": "œuvre, Œdipe, æsthetic, ﬁ is a ligature? no: fi; en–dash, em—dash, ‐ hyphen, ‑ nb-hyphen\n",
    "trap-latin-lookalikes": "OLÉ” ¡OLÉ! “OLÉ” «SÍ» NAÏVE ÎLE Ï Í Ì Ê™ Ã Õ\n",
}

# ---------------------------------------------------------------------------------------------
# Codecs
# ---------------------------------------------------------------------------------------------

UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
W1252_TABLE = [chr(b) if b in UNDEFINED_1252 else bytes([b]).decode("cp1252") for b in range(256)]
W1252_INVERSE = {c: b for b, c in enumerate(W1252_TABLE)}


def w1252_decode(b):  # WHATWG / "sloppy" windows-1252: bijective over all 256 bytes
    return "".join(W1252_TABLE[x] for x in b)


def w1252_encode(s):
    try:
        return bytes(W1252_INVERSE[c] for c in s)
    except KeyError as e:
        raise UnicodeEncodeError("windows-1252-sloppy", s, 0, 1, f"cannot encode {e}") from None


LAYERS = {
    "macintosh": (lambda b: b.decode("mac_roman"), lambda s: s.encode("mac_roman")),
    "windows-1252": (w1252_decode, w1252_encode),
    "iso-8859-1": (lambda b: b.decode("latin-1"), lambda s: s.encode("latin-1")),
}
PY_CODEC_NAME = {"utf-8": "utf-8", "cp949": "windows-949"}


def sloppy_layer(codec):
    """(decode, encode) of a single-byte Python codec read the way ICU and browsers read it: a byte the
    codec leaves undefined (0x98 in cp1251) passes through as the C1 control of the same number."""
    table = []
    for b in range(256):
        try:
            table.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            table.append(chr(b))
    inverse = {c: b for b, c in enumerate(table)}

    def encode(s):
        try:
            return bytes(inverse[c] for c in s)
        except KeyError as e:
            raise UnicodeEncodeError(codec + "-sloppy", s, 0, 1, f"cannot encode {e}") from None
    return (lambda b: "".join(table[x] for x in b)), encode


# The misreadings mojifix knows, one row each, from the Swift registry (`Misreading.registry`;
# MisreadingRegistryTests checks this file against it). Chains not in CHAINS below get golden cases
# under their id (seeded by their id, so adding one leaves every other file as it was), and every
# chain with a name rank gets file-name pairs in names/<id>.tsv.
MISREADINGS_TSV = os.path.join(HERE, "misreadings.tsv")


def load_misreadings():
    with open(MISREADINGS_TSV, encoding="utf-8") as f:
        rows = [line.split("\t") for line in f.read().splitlines()]
    header, rows = rows[0], rows[1:]
    return [dict(zip(header, row)) for row in rows]


MISREADINGS = load_misreadings()
for _row in MISREADINGS:
    LAYERS.setdefault(_row["shown"].lower(), sloppy_layer(_row["python_shown"]))

# Golden (lossless) chains. "ko": Korean sources only; "all": Korean + other languages.
CHAINS = {
    "utf8-as-macintosh": dict(kind="mojibake", src="utf-8", layers=("macintosh",), langs="all"),
    "utf8-as-windows-1252": dict(kind="mojibake", src="utf-8", layers=("windows-1252",), langs="all"),
    "utf8-as-iso-8859-1": dict(kind="mojibake", src="utf-8", layers=("iso-8859-1",), langs="all"),
    "utf8-as-windows-1252-twice": dict(kind="mojibake", src="utf-8", layers=("windows-1252", "windows-1252"),
                                       langs="all"),
    "utf8-as-macintosh-then-windows-1252": dict(kind="mojibake", src="utf-8", layers=("macintosh", "windows-1252"),
                                                langs="all"),
    "cp949-as-iso-8859-1": dict(kind="mojibake", src="cp949", layers=("iso-8859-1",), langs="ko"),
    "cp949-as-windows-1252": dict(kind="mojibake", src="cp949", layers=("windows-1252",), langs="ko"),
    "cp949-as-macintosh": dict(kind="mojibake", src="cp949", layers=("macintosh",), langs="ko"),
    "raw-windows-949": dict(kind="raw", codec="cp949", bom=b"", langs="ko"),
    "raw-euc-kr": dict(kind="raw", codec="euc_kr", bom=b"", langs="ko"),
    "raw-iso-2022-kr": dict(kind="raw", codec="iso2022_kr", bom=b"", langs="ko"),
    "raw-johab": dict(kind="raw", codec="johab", bom=b"", langs="ko"),
    "raw-utf-16le-bom": dict(kind="raw", codec="utf-16-le", bom=b"\xff\xfe", langs="all"),
    "raw-utf-16be-bom": dict(kind="raw", codec="utf-16-be", bom=b"\xfe\xff", langs="all"),
    "raw-utf-16le": dict(kind="raw", codec="utf-16-le", bom=b"", langs="all"),
    "raw-utf-8-bom": dict(kind="raw", codec="utf-8", bom=b"\xef\xbb\xbf", langs="all"),
    "raw-utf-32le-bom": dict(kind="raw", codec="utf-32-le", bom=b"\xff\xfe\x00\x00", langs="all"),
    "nfd-hangul": dict(kind="nfd", langs="ko"),
}
# Registered content misreadings the table above lacks (their seeds do not come from the master).
REGISTRY_CHAINS = [row["id"] for row in MISREADINGS if row["content"] == "yes" and row["id"] not in CHAINS]
for _row in MISREADINGS:
    if _row["id"] in REGISTRY_CHAINS:
        CHAINS[_row["id"]] = dict(kind="mojibake", src=_row["python_actual"], layers=(_row["shown"].lower(),),
                                  langs="ko" if _row["texts"] == "korean" else "all")


ISO2022KR_HEADER = b"\x1b$)C"


class Skip(Exception):
    pass


def garble_text(chain, text):
    """text -> the mojibake string (or NFD string). Raises UnicodeEncodeError / Skip."""
    c = CHAINS[chain]
    if c["kind"] == "nfd":
        return unicodedata.normalize("NFD", text)
    b = text.encode(c["src"])
    if c["src"] == "cp949" and b.decode("cp949") != text:
        raise Skip("cp949 round trip differs")
    s = None
    for layer in c["layers"]:
        s = LAYERS[layer][0](b)
        b = s.encode("utf-8")
    return s


def ungarble_text(chain, s):
    """Inverse of garble_text (raises on text that is not garbled this way)."""
    c = CHAINS[chain]
    if c["kind"] == "nfd":
        return unicodedata.normalize("NFC", s)
    layers = list(reversed(c["layers"]))
    for i, layer in enumerate(layers):
        b = LAYERS[layer][1](s)
        s = b.decode(c["src"] if i == len(layers) - 1 else "utf-8")
    return s


def forward(chain, text):
    """Whole text -> the bytes given to the tool."""
    c = CHAINS[chain]
    if c["kind"] == "raw":
        b = text.encode(c["codec"])
        if b.decode(c["codec"]) != text:
            raise Skip(f"{c['codec']} round trip differs")
        if c["codec"] == "euc_kr" and b != text.encode("cp949"):
            # Python's euc_kr writes syllables outside KS X 1001 as 8-byte KS X 1001:1998 Annex 3
            # "make-up" sequences (A4 D4 + 3 jamo); other decoders show them as filler + jamo.
            raise Skip("needs EUC-KR make-up sequences (not pure KS X 1001)")
        if c["codec"] == "iso2022_kr" and b.count(ISO2022KR_HEADER) == 1 and not b.startswith(ISO2022KR_HEADER):
            # Python writes ESC $ ) C just before the first SO (possibly mid-line); RFC 1557 and ICU put
            # it once at the very beginning of the text. Use the RFC placement.
            b = ISO2022KR_HEADER + b.replace(ISO2022KR_HEADER, b"", 1)
            if b.decode(c["codec"]) != text:
                raise Skip("iso2022_kr header move changed the text")
        return c["bom"] + b
    return garble_text(chain, text).encode("utf-8")


def reverse(chain, data):
    c = CHAINS[chain]
    if c["kind"] == "raw":
        assert data.startswith(c["bom"])
        return data[len(c["bom"]):].decode(c["codec"])
    return ungarble_text(chain, data.decode("utf-8"))


def reverse_mixed(chain, data):
    """Reverse a document in which only some paragraphs/lines are garbled."""
    def fix(unit, seps):
        try:
            return ungarble_text(chain, unit)
        except (UnicodeError, ValueError):
            if not seps:
                return unit
            return seps[0].join(fix(u, seps[1:]) for u in unit.split(seps[0]))
    return fix(data.decode("utf-8"), ["\n\n", "\n"])


def plan(chain):
    c = CHAINS[chain]
    if c["kind"] == "nfd":
        return "normalize:NFC"
    if c["kind"] == "raw":
        name = {"cp949": "windows-949", "euc_kr": "EUC-KR", "iso2022_kr": "ISO-2022-KR", "johab": "JOHAB",
                "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-8": "UTF-8",
                "utf-32-le": "UTF-32LE"}[c["codec"]]
        return ("strip-bom," if c["bom"] else "") + "decode:" + name
    steps = []
    layers = list(reversed(c["layers"]))
    for i, layer in enumerate(layers):
        steps.append("encode:" + layer)
        steps.append("decode:" + (PY_CODEC_NAME[c["src"]] if i == len(layers) - 1 else "utf-8"))
    return ",".join(steps)


LOSSY = {
    "utf8-as-windows-1252-replaced": "t.encode('utf-8').decode('cp1252', errors='replace'); the five undefined "
                                     "bytes became U+FFFD",
    "utf8-as-cp949-replaced": "t.encode('utf-8').decode('cp949', errors='replace')",
    "nbsp-became-space": "UTF-8 read as windows-1252 (w1252-*) or ISO-8859-1 (latin1-*), then every U+00A0 "
                         "replaced by U+0020",
    "utf8-as-macintosh-truncated": "UTF-8 read as Mac OS Roman, then cut inside a character; .orig is the "
                                   "original up to the last complete character",
}


def lossy_forward(chain, text, variant, rng):
    b = text.encode("utf-8")
    if chain == "utf8-as-windows-1252-replaced":
        s = b.decode("cp1252", errors="replace")
        if "\ufffd" not in s:
            raise Skip("no undefined byte, lossless")
        return s, text
    if chain == "utf8-as-cp949-replaced":
        s = b.decode("cp949", errors="replace")
        if "\ufffd" not in s:
            raise Skip("no U+FFFD, lossless")
        return s, text
    if chain == "nbsp-became-space":
        s = w1252_decode(b) if variant == "w1252" else b.decode("latin-1")
        if NBSP in s:
            s2 = s.replace(NBSP, " ")
        else:
            raise Skip("no 0xA0 byte")
        return s2, text
    if chain == "utf8-as-macintosh-truncated":
        multi = [i for i, ch in enumerate(text) if ord(ch) > 0x7F]
        if not multi:
            raise Skip("ASCII only")
        lo = len(multi) // 2
        k = multi[rng.randrange(lo, len(multi))]
        prefix = text[:k].encode("utf-8")
        part = text[k].encode("utf-8")
        cut = len(prefix) + rng.randrange(1, len(part))
        return b[:cut].decode("mac_roman"), text[:k]
    raise KeyError(chain)


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------

def sha(b):
    return hashlib.sha256(b).hexdigest()


def load_seeds(seed_dir, out_dir):
    raw = {}
    for sid, (fname, digest) in SEED_FILES.items():
        candidates = []
        if seed_dir:
            candidates.append(os.path.join(seed_dir, fname))
        candidates.append(os.path.join(out_dir, "seeds", "002.garbled.md") if sid == "002"
                          else os.path.join(out_dir, "clean", sid + ".md"))
        for path in candidates:
            if os.path.isfile(path):
                b = open(path, "rb").read()
                if sha(b) == digest:
                    raw[sid] = b
                    break
        else:
            sys.exit(f"seed {sid} ({fname}) not found with SHA-256 {digest}; use --seeds DIR")
    return raw


def split_paragraphs(text):
    paras = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return [p.strip("\n") for p in paras if p.strip()]


def chunk_seed(text, rng, lo=300, hi=2000):
    """Group consecutive blank-line paragraphs into chunks of lo..hi UTF-8 bytes."""
    chunks, cur = [], []

    def new_target():  # half small (lo..800 bytes), half large (800..1800 bytes)
        return rng.randrange(lo, 800) if rng.random() < 0.5 else rng.randrange(800, 1800)

    target = new_target()

    def size(ps):
        return len("\n\n".join(ps).encode("utf-8")) + 1

    for p in split_paragraphs(text):
        if size([p]) > hi:          # oversized single paragraph: close the current chunk, skip it
            if cur and size(cur) >= lo:
                chunks.append("\n\n".join(cur) + "\n")
            cur = []
            continue
        if cur and size(cur + [p]) > hi:
            if size(cur) >= lo:
                chunks.append("\n\n".join(cur) + "\n")
            cur = []
        cur.append(p)
        if size(cur) >= target:
            chunks.append("\n\n".join(cur) + "\n")
            cur, target = [], new_target()
    if cur and size(cur) >= lo:
        chunks.append("\n\n".join(cur) + "\n")
    return chunks


HANGUL = re.compile("[\uac00-\ud7a3]")

# File names (own writing) for the name readings: Korean ones for every reading, the others for
# readings of UTF-8, which holds any language.
NAMES_KO = ["회의록 2025.hwp", "견적서_최종본.xlsx", "여름 휴가 사진", "신입사원 안내(개정).pdf", "【긴급】 공지사항.txt",
            "예산안 v3.docx", "발표자료", "고객 명단 2분기.csv", "계약서 사본(서명).pdf", "학습 계획표.xlsx"]
NAMES_ANY = ["議事録 第3回.docx", "会议纪要.pdf", "Отчёт за март.xlsx", "Προσφορά 2025.pdf", "Übersicht Ä-Z.md",
             "rapport_été.odt", "Łódź – zdjęcia", "naïve résumé.txt", "🎉 party plan.md", "tiếng Việt.txt"]


def name_garble(row, name):
    """A name stored in the actual charset, shown through the shown one (as ICU/browsers read it). Raises
    Skip when the result is no name a file system would show (a C1 control) or nothing changed."""
    b = name.encode(row["python_actual"])
    if b.decode(row["python_actual"]) != name:
        raise Skip("round trip differs")
    shown = LAYERS[row["shown"].lower()][0](b)
    if shown == name:
        raise Skip("no-op")
    if any(0x80 <= ord(c) <= 0x9F or ord(c) < 0x20 for c in shown):
        raise Skip("shows a control character")
    return shown


# ---------------------------------------------------------------------------------------------
# Case assembly
# ---------------------------------------------------------------------------------------------


class Corpus:
    def __init__(self, out):
        self.out = out
        self.manifest = []   # (section, chain, case, in_bytes, out_bytes, scope, plan)
        self.skipped = []    # (section, chain, case, reason)

    def write(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def numbered(prefix, items):
    return [(f"{prefix}-{i:02d}", t) for i, t in enumerate(items, 1)]


def build_mixed(chain, paras, rng, line_level=False):
    """Return (input text, expected text) with some units garbled and others clean, or None."""
    sep = "\n" if line_level else "\n\n"
    units = paras
    order = list(range(len(units)))
    rng.shuffle(order)
    garble = set(order[: max(1, len(units) // 2)])
    out_units, changed, clean_nonascii = [], 0, 0
    for i, u in enumerate(units):
        if i in garble:
            try:
                g = garble_text(chain, u)
            except (UnicodeEncodeError, Skip):
                g = u
            if g != u:
                changed += 1
            out_units.append(g)
        else:
            out_units.append(u)
            if any(ord(ch) > 0x7F for ch in u):
                clean_nonascii += 1
    if changed == 0 or clean_nonascii == 0:
        return None
    expected = sep.join(units) + "\n"
    expected_nfc = unicodedata.normalize("NFC", expected) if CHAINS[chain]["kind"] == "nfd" else expected
    return sep.join(out_units) + "\n", expected_nfc


def golden_sources(chain, rng, pools):
    """Yield (case, text, scope, mixed_input_or_None)."""
    c = CHAINS[chain]
    cases = []
    # 1. seed chunks: ~8 that this chain can carry
    pool = list(pools["chunks"])
    rng.shuffle(pool)
    small = [t for t in pool if len(t.encode("utf-8")) < 1000]     # alternate small and large chunks
    large = [t for t in pool if len(t.encode("utf-8")) >= 1000]
    pool = [t for pair in zip(small, large) for t in pair] + small[len(large):] + large[len(small):]
    picked = used = 0
    for text in pool:
        if picked == 8:
            break
        used += 1
        try:
            data = forward(chain, text)
        except (UnicodeEncodeError, Skip):
            continue
        if data == text.encode("utf-8"):
            continue
        picked += 1
        cases.append((f"ko-seed-{picked:02d}", text, "whole", None))
    # a CRLF variant of one more carried chunk
    for text in pool[used:]:
        crlf = text.replace("\n", "\r\n")
        try:
            forward(chain, crlf)
        except (UnicodeEncodeError, Skip):
            continue
        cases.append(("ko-crlf-01", crlf, "whole", None))
        break
    # 2. short lines: own + 4 from the seeds, each with a trailing newline
    seed_lines = list(pools["seed_lines"])
    rng.shuffle(seed_lines)
    shorts = KO_SHORT + seed_lines[:4]
    cases += [(n, t + "\n", "whole", None) for n, t in numbered("ko-short", shorts)]
    cases += [(n, t, "whole", None) for n, t in numbered("ko-word", KO_WORDS)]          # no newline
    cases += [(n, t + "\n", "whole", None) for n, t in numbered("emoji-only", EMOJI_ONLY)]
    # 3. own paragraphs and Markdown documents
    cases += [(n, t, "whole", None) for n, t in KO_PARAS]
    cases += [(n, t, "whole", None) for n, t in KO_MD]
    # 4. mixed documents (not for raw file encodings)
    if c["kind"] != "raw":
        docs = pools["docs"]
        made = 0
        for attempt in range(40):
            if made == 3:
                break
            d = docs[rng.randrange(len(docs))]
            paras = split_paragraphs(d)
            if len(paras) < 4:
                continue
            start = rng.randrange(0, len(paras) - 3)
            sel, size = [], 0
            for p in paras[start:]:
                if size + len(p.encode()) > 1800 and len(sel) >= 3:
                    break
                if len(p.encode()) > 1800:
                    continue
                sel.append(p)
                size += len(p.encode())
            if len(sel) < 3:
                continue
            r = build_mixed(chain, sel, rng)
            if r:
                made += 1
                cases.append((f"ko-mixed-{made:02d}", r[1], "paragraphs", r[0]))
        # line-level mixing (like a list where only some items were pasted from a broken source)
        lines = [ln for ln in KO_SHORT if HANGUL.search(ln)] + [p.rstrip("\n") for _, p in KO_PARAS[:4]]
        r = build_mixed(chain, lines, rng, line_level=True)
        if r:
            cases.append(("ko-mixed-lines-01", r[1], "lines", r[0]))
    # 5. other languages
    if c["langs"] == "all":
        for lang, (shorts_l, paras_l) in MULTI.items():
            cases += [(n, t + "\n", "whole", None) for n, t in numbered(f"{lang}-short", shorts_l)]
            cases += [(n, t, "whole", None) for n, t in numbered(f"{lang}-para", paras_l)]
        cases.append((JA_MD[0], JA_MD[1], "whole", None))
        if c["kind"] != "raw":
            paras = []
            for lang, (_, paras_l) in MULTI.items():
                if paras_l and lang in ("ja", "fr", "ru", "emoji", "vi", "ar"):
                    paras.append(paras_l[0].rstrip("\n"))
            paras += [p for _, p in MULTI_MIXED]
            rng.shuffle(paras)
            for k in range(2):
                r = build_mixed(chain, paras[k * 6:(k + 1) * 6], rng)
                if r:
                    cases.append((f"multi-mixed-{k + 1:02d}", r[1], "paragraphs", r[0]))
    return cases


def lossy_sources(chain, rng, pools):
    small = [t for t in pools["chunks"] if len(t.encode()) <= 900]
    rng.shuffle(small)
    lines = list(pools["seed_lines"])
    rng.shuffle(lines)
    ko = [(f"ko-seed-{i:02d}", t) for i, t in enumerate(small[:12], 1)]
    ko += [(f"ko-short-{i:02d}", t + "\n") for i, t in enumerate(KO_SHORT[:6] + lines[:6], 1)]
    ko += [("ko-word-01", "일간"), ("emoji-only-01", "\U0001F44D\n")]
    ko += [(n, t) for n, t in KO_PARAS[:4]]
    other = [("fr-para-01", MULTI["fr"][1][0]), ("fr-short-01", MULTI["fr"][0][2] + "\n"),
             ("de-para-01", MULTI["de"][1][0]), ("ru-para-01", MULTI["ru"][1][0]),
             ("ru-short-01", MULTI["ru"][0][2] + "\n"), ("ja-para-01", MULTI["ja"][1][0]),
             ("zh-hans-para-01", MULTI["zh-hans"][1][0]), ("vi-para-01", MULTI["vi"][1][0]),
             ("pt-short-01", MULTI["pt"][0][1] + "\n"), ("emoji-para-01", MULTI["emoji"][1][0])]
    return ko, other


def generate(out, seeds_raw):
    master = random.Random(2026)
    corpus = Corpus(out)

    # --- seeds and clean posts
    s002 = seeds_raw["002"].decode("utf-8")
    expected = s002.encode("mac_roman").decode("utf-8")
    eb = expected.encode("utf-8")
    assert sha(eb) == SEED_002_EXPECTED_SHA and len(eb) == SEED_002_EXPECTED_LEN, "seed 002 repair mismatch"
    corpus.write("seeds/002.garbled.md", seeds_raw["002"])
    corpus.write("seeds/002.expected.md", eb)
    corpus.manifest.append(("seeds", "utf8-as-macintosh", "002", len(seeds_raw["002"]), len(eb), "whole",
                            plan("utf8-as-macintosh")))
    clean = {}
    for sid in ("000", "001", "003", "004"):
        corpus.write(f"clean/{sid}.md", seeds_raw[sid])
        clean[sid] = seeds_raw[sid].decode("utf-8")
        corpus.manifest.append(("clean", "-", sid, len(seeds_raw[sid]), len(seeds_raw[sid]), "whole", "identity"))

    # --- pools from the seeds (002 in its repaired form)
    chunk_rng = random.Random(master.getrandbits(64))
    docs = [clean["000"], clean["001"], clean["003"], clean["004"], expected]
    chunks = []
    for d in docs:
        chunks += [c for c in chunk_seed(d, chunk_rng) if HANGUL.search(c)]
    seed_lines = []
    for d in docs:
        for ln in d.split("\n"):
            ln = ln.strip()
            if 8 <= len(ln) <= 60 and HANGUL.search(ln) and ln not in seed_lines:
                seed_lines.append(ln)
    pools = {"chunks": chunks, "seed_lines": seed_lines, "docs": docs}

    # --- golden
    chain_seeds = {name: master.getrandbits(64) for name in CHAINS if name not in REGISTRY_CHAINS}
    chain_seeds.update({name: "golden:" + name for name in REGISTRY_CHAINS})
    for chain in CHAINS:
        rng = random.Random(chain_seeds[chain])
        for case, text, scope, mixed_in in golden_sources(chain, rng, pools):
            try:
                if mixed_in is not None:
                    data, want = mixed_in.encode("utf-8"), text
                else:
                    data = forward(chain, text)
                    want = unicodedata.normalize("NFC", text) if CHAINS[chain]["kind"] == "nfd" else text
            except UnicodeEncodeError as e:
                corpus.skipped.append(("golden", chain, case, f"cannot encode {text[e.start:e.end]!r}"))
                continue
            except Skip as e:
                corpus.skipped.append(("golden", chain, case, str(e)))
                continue
            wb = want.encode("utf-8")
            if data == wb:
                corpus.skipped.append(("golden", chain, case, "no-op (input equals output)"))
                continue
            corpus.write(f"golden/{chain}/{case}.in", data)
            corpus.write(f"golden/{chain}/{case}.out", wb)
            corpus.manifest.append(("golden", chain, case, len(data), len(wb), scope, plan(chain)))

    # --- lossy
    lossy_seeds = {name: master.getrandbits(64) for name in LOSSY}
    for chain in LOSSY:
        rng = random.Random(lossy_seeds[chain])
        ko, other = lossy_sources(chain, rng, pools)
        if chain == "nbsp-became-space":
            entries = [(f"{v}-{n}", t, v) for n, t in ko + other for v in ("w1252", "latin1")]
        else:
            entries = [(n, t, None) for n, t in ko + other]
        n_ko = n_other = 0
        for case, text, variant in entries:
            base = case.split("-", 1)[1] if variant else case
            is_ko = base.startswith(("ko-", "emoji-only"))
            if (is_ko and n_ko >= 14) or (not is_ko and n_other >= 5):
                continue
            try:
                s, orig = lossy_forward(chain, text, variant, rng)
            except Skip as e:
                corpus.skipped.append(("lossy", chain, case, str(e)))
                continue
            if is_ko:
                n_ko += 1
            else:
                n_other += 1
            data, ob = s.encode("utf-8"), orig.encode("utf-8")
            corpus.write(f"lossy/{chain}/{case}.in", data)
            corpus.write(f"lossy/{chain}/{case}.orig", ob)
            corpus.manifest.append(("lossy", chain, case, len(data), len(ob), "whole", LOSSY[chain]))

    # --- file names (one list per registered name reading)
    for row in MISREADINGS:
        if row["name_rank"] == "-":
            continue
        pairs = []
        for expected in NAMES_KO + (NAMES_ANY if row["texts"] == "any" else []):
            try:
                shown = name_garble(row, expected)
            except (UnicodeEncodeError, Skip) as e:
                corpus.skipped.append(("names", row["id"], expected, str(e)))
                continue
            pairs.append(shown + "\t" + expected)
        corpus.write(f"names/{row['id']}.tsv", ("garbled\texpected\n" + "\n".join(pairs) + "\n").encode("utf-8"))

    # --- negative
    for name, text in NEGATIVES.items():
        b = text.encode("utf-8")
        corpus.write(f"negative/{name}.txt", b)
        corpus.manifest.append(("negative", "-", name, len(b), len(b), "whole", "identity"))

    # --- manifest, skipped list, README
    lines = ["section\tchain\tcase\tin_bytes\texpected_bytes\tscope\treverse"]
    lines += ["\t".join(str(x) for x in row) for row in corpus.manifest]
    corpus.write("manifest.tsv", ("\n".join(lines) + "\n").encode("utf-8"))
    lines = ["section\tchain\tcase\treason"] + ["\t".join(row) for row in corpus.skipped]
    corpus.write("skipped.tsv", ("\n".join(lines) + "\n").encode("utf-8"))
    lines = ["file\ttoken\tencode_as_then_decode_as\tresult"]
    lines += ["\t".join((name, tok, how, dec)) for name, text in NEGATIVES.items()
              for tok, how, dec in lookalike_tokens(text)]
    corpus.write("traps.tsv", ("\n".join(lines) + "\n").encode("utf-8"))
    corpus.write("README.md", readme(corpus).encode("utf-8"))
    return corpus


# ---------------------------------------------------------------------------------------------
# Negative-case checks
# ---------------------------------------------------------------------------------------------

def lookalike_tokens(text):
    """Tokens that decode without error as UTF-8 or CP949 once encoded as windows-1252 / Mac OS Roman /
    Latin-1 (traps for a naive "re-encode and see if it decodes" repair). Yields (token, how, result)."""
    hits = []
    for tok in text.split():
        if all(ord(ch) < 0x80 for ch in tok):
            continue
        found = {}
        for name, enc in (("windows-1252", w1252_encode), ("macintosh", LAYERS["macintosh"][1]),
                          ("iso-8859-1", LAYERS["iso-8859-1"][1])):
            for target in ("utf-8", "cp949"):
                try:
                    dec = enc(tok).decode(target)
                except (UnicodeError, ValueError):
                    continue
                if dec != tok:
                    found.setdefault((PY_CODEC_NAME[target], dec), []).append(name)
        for (target, dec), names in found.items():
            hits.append((tok, "/".join(names) + " -> " + target, dec))
    return hits


def negative_problems(name, b):
    problems = []
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        return ["invalid UTF-8"]
    if name not in NOT_NFC_ON_PURPOSE and unicodedata.normalize("NFC", t) != t:
        problems.append("not NFC")
    for ch in t:
        cp = ord(ch)
        if 0x80 <= cp <= 0x9F or cp == 0xFFFD or 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
            problems.append(f"forbidden U+{cp:04X}")
    if t.startswith("\ufeff"):
        problems.append("BOM")
    return problems


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------

def counts(corpus):
    per = {}
    for section, chain, *_ in corpus.manifest:
        per.setdefault((section, chain), 0)
        per[(section, chain)] += 1
    return per


def readme(corpus):
    per = counts(corpus)
    total_bytes = 0
    for section, chain, case, nin, nout, *_ in corpus.manifest:
        total_bytes += nin + (nout if section in ("golden", "lossy", "seeds") else 0)
    g = [f"| `{ch}` | {per.get(('golden', ch), 0)} | `{plan(ch)}` |" for ch in CHAINS]
    lz = [f"| `{ch}` | {per.get(('lossy', ch), 0)} | {LOSSY[ch]} |" for ch in LOSSY]
    n_neg = per.get(("negative", "-"), 0)
    traps, n_cp949, files_cp949 = [], 0, set()
    for name, text in NEGATIVES.items():
        for tok, cs, dec in lookalike_tokens(text):
            if cs.endswith("utf-8"):
                traps.append(f"| `{name}` | `{tok}` | {cs} | `{dec}` |")
            else:
                n_cp949 += 1
                files_cp949.add(name)
    uhc = sorted({ch for _, t in KO_PARAS + [("", s) for s in KO_SHORT + KO_WORDS] for ch in t
                  if HANGUL.match(ch) and not can_encode(ch, "iso2022_kr")})
    return f"""\
# mojifix test corpus

Generated by `Scripts/make_corpus.py` (Python 3.11, standard library only, seeded with
`random.Random(2026)`). Do not edit files here by hand: change the script and run

    python3 Scripts/make_corpus.py            # regenerate (byte-identical on every run)
    python3 Scripts/make_corpus.py --check    # regenerate into a temp dir, compare, verify every case

The script reads the five seed posts from `../shared/seeds` (beside the repository) when present and otherwise from the
copies kept here (`seeds/002.garbled.md`, `clean/*.md`); their SHA-256 are checked either way.
Everything except the seeds was written for this corpus (sentences in many languages are inside
the script; invisible characters are spelled as escapes there). Total size of case files: about
{total_bytes // 1024} KiB.

## Layout

| Folder | Holds |
|---|---|
| `seeds/002.garbled.md` | the real broken export (UTF-8 read as Mac OS Roman), byte-for-byte |
| `seeds/002.expected.md` | its exact repair `encode(mac_roman) -> decode(utf-8)`, SHA-256 `{SEED_002_EXPECTED_SHA[:16]}...`, {SEED_002_EXPECTED_LEN} bytes |
| `clean/000.md 001.md 003.md 004.md` | the clean seed posts, byte-for-byte (must come back unchanged) |
| `golden/<chain>/<case>.in` | bytes given to the tool |
| `golden/<chain>/<case>.out` | the exact UTF-8 the tool must write (lossless repair) |
| `lossy/<chain>/<case>.in` | bytes given to the tool; information was lost |
| `lossy/<chain>/<case>.orig` | the original text (score by similarity; exact restoration is not always possible) |
| `negative/<name>.txt` | clean text that must come back byte-identical ({n_neg} files) |
| `manifest.tsv` | one row per case: section, chain, case, sizes, scope, reverse plan |
| `skipped.tsv` | cases the generator left out, with the reason (codec cannot encode, no-op, ...) |
| `traps.tsv` | tokens of the negatives that a naive re-encode/decode would "repair" (see below) |

## Golden chains

`reverse` is the plan that turns `.in` into `.out` (for `scope` = `paragraphs`/`lines` in
`manifest.tsv` it applies only to the garbled paragraphs/lines; the other ones are already clean).
`windows-1252` always means the WHATWG ("sloppy") variant: bytes 0x81 0x8D 0x8F 0x90 0x9D <->
U+0081 U+008D U+008F U+0090 U+009D. `windows-949` is Microsoft CP949/UHC (Python `cp949`).

| Chain | Cases | Reverse |
|---|---:|---|
{chr(10).join(g)}

Case names: `ko-seed-NN` (blank-line chunks of the seed posts, 300-2000 bytes; 002 in repaired
form), `ko-crlf-01` (a seed chunk with CRLF line ends), `ko-short-NN` (one line, 8-60 chars, own
lines then lines from the seeds), `ko-word-NN` (one Hangul word, no newline), `emoji-only-NN`
(a line holding only an emoji sequence), `ko-para-*`/`ko-uhc-NN`/`ko-ksx-*` (own paragraphs;
`ko-uhc` uses syllables outside KS X 1001: {' '.join(uhc)}), `ko-md-NN` / `ja-md-01` (Markdown with
YAML front matter and fenced code), `ko-mixed-NN` / `multi-mixed-NN` (some paragraphs garbled,
the others clean; the expected output is all clean), `ko-mixed-lines-01` (garbled and clean lines
alternate), `<lang>-short-NN` / `<lang>-para-NN` for ja, zh-hans, zh-hant, ru, uk, el, fr, de, pt,
pl, vi, es, tr, cs, ar, he, hi, th and emoji.

Rules: Korean-only chains (`cp949-*`, `raw-windows-949`, `raw-euc-kr`, `raw-iso-2022-kr`,
`raw-johab`, `nfd-hangul`) get Korean sources only. A case is left out (see `skipped.tsv`) when
the codec cannot encode the text (emoji, `—`, `₩`, `é` in CP949; UHC syllables in EUC-KR and
ISO-2022-KR), when the round trip is not exact, or when garbling changes nothing. `raw-euc-kr`
holds only pure KS X 1001 text: Python's `euc_kr` would write other syllables as 8-byte KS X
1001:1998 make-up sequences (`똠` -> `A4 D4 A4 A8 A4 C7 A4 B1`), which CP949/ICU decoders show as
filler + jamo (`ㅤㄸㅗㅁ`). `raw-iso-2022-kr` files start with `ESC $ ) C`. `nfd-hangul`
expects `NFC(text)` (identical to the source text, which is NFC; seed 003 also contains `é`, which
NFD decomposes and NFC recomposes). `raw-utf-8-bom` expects the text without the BOM.

Decoder disagreements measured on this machine (uconv/ICU 72.1 and glibc iconv, not used by the
script): ICU `macintosh`, `windows-1252`, `ISO-8859-1`, `windows-949` and `EUC-KR` reproduce every
whole-file golden case of their chains exactly. ICU `ISO-2022-KR` does not: it decodes `0x5C` as
`₩` U+20A9 and KS X 1001 `A1A4`/`A1AA`/`A1AD` as U+30FB/U+2014/U+02DC where Python (and ICU
`windows-949`, and the Unicode KS X 1001 table) give `\` U+005C, `·` U+00B7, `―` U+2015, `～` U+FF5E;
this breaks `ko-short-16`, `ko-para-hangul` (`·`) and `ko-md-01` (`\` in code). Decoding the SO/SI
runs yourself (bytes | 0x80 -> windows-949) matches. ICU has no JOHAB converter; glibc `JOHAB`
matches Python except that it also reads `0x5C` as `₩` (KS C 5636), so `raw-johab/ko-md-01` differs.
The expected outputs here follow Python (backslash stays a backslash).

`raw-utf-16le` has no BOM, so its shortest cases (`ko-word-*`: 2-4 bytes, `emoji-only-*`) carry
very little evidence; a tool may reasonably leave them undecided. `ko-word-*` have no final newline.

## Lossy chains

| Chain | Cases | How the input was made |
|---|---:|---|
{chr(10).join(lz)}

Python's `cp949` decoder with `errors='replace'` emits one U+FFFD per bad *lead* byte and then
re-reads the following byte as a new lead, so UTF-8 Korean turns into a mix of U+FFFD and wrong
but valid UHC syllables (`한` = `ED 95 9C` -> `\\ufffd븳`; `일간` -> `\\ufffd씪媛\\ufffd`), and an ASCII
byte after a bad lead survives (`ED 0A` -> `\\ufffd\\n`). Bytes of a dropped character are not
all lost: `95 9C` still sits inside `븳` and can be recovered by re-encoding as CP949.

## Negative cases

{n_neg} files in many languages and scripts (Korean with English words and particles, compatibility
jamo, old Hangul in conjoining jamo, UHC syllables, Hanja; Japanese incl. half-width kana;
Chinese simplified/traditional; Greek; Russian; Ukrainian; Arabic; Hebrew; Persian; Hindi; Thai;
Vietnamese; French typography with NBSP/NNBSP; German, Spanish, Portuguese, Polish, Czech,
Turkish, Icelandic, Italian, Nordic, Romanian, Hungarian; accented capitals next to curly quotes
and guillemets; math, typographic, currency, degree and fraction signs; every kind of emoji
sequence; Markdown/code; CRLF; no final newline). All are valid UTF-8 and NFC, except
`cjk-compat-ideographs` (U+F900.. have singleton decompositions, so NFC would change them) and
`nfd-latin-no-hangul` (Latin in NFD, no Hangul: a Hangul-NFC fix must not touch it).
No negative contains literal mojibake, C1 controls, U+FFFD or private-use characters.

Traps: the tokens below are real text, yet they decode without error as UTF-8 or as CP949 after
encoding them as a legacy single-byte charset, so a naive "re-encode and see if it decodes" repair
would change them. All of them are listed in `traps.tsv`. CP949 is the worst: its UHC trail bytes
include ASCII letters, so an accented letter or `°`/`µ`/`«` followed by a letter often forms a
valid Hangul syllable or Hanja (`25°C` -> `25캜`, `SÃO` -> `S홒`, `Größere` -> `Gr秤ere`):
{n_cp949} such tokens in {len(files_cp949)} negative files. Repairs need a plausibility test, not only a
strict decode. The UTF-8 ones:

| File | Token | Encode as -> decode as | Would become |
|---|---|---|---|
{chr(10).join(traps)}
"""


def can_encode(t, codec):
    try:
        t.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


# ---------------------------------------------------------------------------------------------
# Check
# ---------------------------------------------------------------------------------------------

def check(out, seeds_raw):
    ok = True
    # 1. determinism / up to date
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp, seeds_raw)
        diffs = compare_trees(tmp, out)
    if diffs:
        ok = False
        print(f"FAIL: {len(diffs)} differences between a fresh build and {out}:", *diffs[:20], sep="\n  ")
    # 2. every case
    rows = [ln.split("\t") for ln in open(os.path.join(out, "manifest.tsv"), encoding="utf-8").read().splitlines()[1:]]
    n = {}
    for section, chain, case, *_rest in rows:
        scope = _rest[2]
        n[(section, chain)] = n.get((section, chain), 0) + 1
        if section == "golden":
            data = open(os.path.join(out, "golden", chain, case + ".in"), "rb").read()
            want = open(os.path.join(out, "golden", chain, case + ".out"), "rb").read()
            try:
                got = (reverse_mixed(chain, data) if scope != "whole" else reverse(chain, data)).encode("utf-8")
            except Exception as e:  # noqa: BLE001
                got = repr(e).encode()
            if got != want:
                ok = False
                print(f"FAIL golden/{chain}/{case}: reverse does not give .out")
            if data == want:
                ok = False
                print(f"FAIL golden/{chain}/{case}: no-op")
            try:
                want.decode("utf-8")
            except UnicodeDecodeError:
                ok = False
                print(f"FAIL golden/{chain}/{case}: .out is not UTF-8")
        elif section == "lossy":
            data = open(os.path.join(out, "lossy", chain, case + ".in"), "rb").read()
            orig = open(os.path.join(out, "lossy", chain, case + ".orig"), "rb").read()
            try:
                data.decode("utf-8")
                orig.decode("utf-8")
            except UnicodeDecodeError:
                ok = False
                print(f"FAIL lossy/{chain}/{case}: not UTF-8")
            if data == orig:
                ok = False
                print(f"FAIL lossy/{chain}/{case}: no-op")
        elif section == "negative":
            b = open(os.path.join(out, "negative", case + ".txt"), "rb").read()
            probs = negative_problems(case, b)
            if probs:
                ok = False
                print(f"FAIL negative/{case}: {probs}")
        elif section == "seeds":
            g = open(os.path.join(out, "seeds", "002.garbled.md"), "rb").read()
            e = open(os.path.join(out, "seeds", "002.expected.md"), "rb").read()
            if reverse("utf8-as-macintosh", g).encode("utf-8") != e or sha(e) != SEED_002_EXPECTED_SHA:
                ok = False
                print("FAIL seeds/002")
    for row in MISREADINGS:
        if row["name_rank"] == "-":
            continue
        lines = open(os.path.join(out, "names", row["id"] + ".tsv"), encoding="utf-8").read().splitlines()[1:]
        n[("names", row["id"])] = len(lines)
        for line in lines:
            shown, expected = line.split("\t")
            if LAYERS[row["shown"].lower()][1](shown).decode(row["python_actual"]) != expected:
                ok = False
                print(f"FAIL names/{row['id']}: {shown!r} does not give {expected!r}")
    for name in NOT_NFC_ON_PURPOSE:
        t = NEGATIVES[name]
        if unicodedata.normalize("NFC", t) == t:
            ok = False
            print(f"FAIL negative/{name}: expected to be non-NFC")
    for (section, chain), k in sorted(n.items()):
        print(f"{section:9} {chain:40} {k:4}")
    print("total files:", sum(len(f) for _, _, f in os.walk(out)), " bytes:", tree_size(out))
    print("OK" if ok else "FAILED")
    return ok


def compare_trees(a, b):
    """Differences in what this script generates (legacy/ and markdown/ come from other scripts)."""
    diffs = []

    def ours(root):
        return {rel for r, _, fs in os.walk(root) for f in fs
                if (rel := os.path.relpath(os.path.join(r, f), root)).split(os.sep)[0] in GENERATED}
    fa, fb = ours(a), ours(b)
    for rel in sorted(fa ^ fb):
        diffs.append(f"only in {'fresh build' if rel in fa else 'corpus'}: {rel}")
    for rel in sorted(fa & fb):
        if not filecmp.cmp(os.path.join(a, rel), os.path.join(b, rel), shallow=False):
            diffs.append(f"differs: {rel}")
    return diffs


def tree_size(d):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)


GENERATED = ("seeds", "clean", "golden", "lossy", "names", "negative", "README.md", "manifest.tsv", "skipped.tsv",
             "traps.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify instead of writing")
    ap.add_argument("--seeds", default=SHARED_SEEDS if os.path.isdir(SHARED_SEEDS) else None)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    seeds_raw = load_seeds(args.seeds, args.out)   # read before anything is removed
    if args.check:
        sys.exit(0 if check(args.out, seeds_raw) else 1)
    os.makedirs(args.out, exist_ok=True)
    for name in GENERATED:
        p = os.path.join(args.out, name)
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
    corpus = generate(args.out, seeds_raw)
    per = counts(corpus)
    for (section, chain), k in sorted(per.items()):
        print(f"{section:9} {chain:40} {k:4}")
    print(f"skipped: {len(corpus.skipped)}; size: {tree_size(args.out)} bytes in {args.out}")


if __name__ == "__main__":
    main()
