#!/usr/bin/env python3
"""Golden files for the legacy charset detector: Corpus/legacy/<charset>/<lang>.in (the text
encoded with Python's codec, independent of ICU) and .out (the UTF-8 text).

The texts were written for this corpus (short everyday paragraphs); none comes from the
detector's model data or from another project's tests.

Usage: python3 Scripts/make_legacy_corpus.py   (rewrites Corpus/legacy/)
"""
import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Corpus", "legacy")

TEXTS = {
    "fr": "Le marché du quartier ouvre à huit heures. On y trouve des légumes frais, du fromage "
          "affiné et des pâtisseries. Même en hiver, les habitués viennent très tôt pour éviter la foule.\n",
    "de": "Die Brücke über den Fluss wurde im Frühjahr für größere Fahrzeuge gesperrt. Die Bürger "
          "müssen nun einen Umweg über das Nachbardorf fahren, was täglich fünfzehn Minuten kostet.\n",
    "es": "El niño pidió una canción más antes de dormir. Su abuela, que había llegado esa mañana "
          "desde Sevilla, le cantó una melodía antigua mientras la lluvia golpeaba la ventana.\n",
    "pt": "A reunião começou às nove horas e terminou só depois do almoço. Não houve decisão sobre "
          "o orçamento, mas todos concordaram que a situação exige atenção imediata.\n",
    "pl": "Wczoraj wieczorem pojechaliśmy nad jezioro, żeby złowić kilka ryb. Woda była spokojna, "
          "a słońce zachodziło powoli za lasem. Wróciliśmy do domu dopiero o północy.\n",
    "cs": "Příští týden budeme opravovat střechu našeho domu na náměstí. Řemeslníci slíbili, že "
          "práce dokončí za čtyři dny, pokud nebude pršet.\n",
    "hu": "A gyerekek délután a kertben játszottak a kutyával. Később a nagymama süteményt sütött, "
          "és mindenki együtt ült le az asztalhoz vacsorázni.\n",
    "ro": "Dimineața, piața din centrul orașului se umple de țărani care vând legume proaspete. "
          "Cumpărătorii se tocmesc și își umplu coșurile până la prânz.\n",
    "tr": "Yarın sabah erken kalkıp İstanbul'a gitmek için otobüse bineceğiz. Yolculuk yaklaşık "
          "altı saat sürüyor, bu yüzden yanımıza yiyecek ve içecek alacağız.\n",
    "lt": "Šiandien ryte lijo, todėl vaikai žaidė namuose. Po pietų saulė pasirodė, ir visi "
          "išėjo pasivaikščioti į parką prie upės.\n",
    "ru": "Вчера вечером мы долго гуляли по парку и разговаривали о работе. Погода была тёплой, "
          "и никому не хотелось возвращаться домой раньше полуночи.\n",
    "uk": "Сьогодні ввечері ми підемо до бібліотеки, щоб узяти нові книжки. Минулого тижня там "
          "відкрили читальну залу для дітей і школярів.\n",
    "el": "Το πρωί πήγαμε στη θάλασσα και κολυμπήσαμε για πολλή ώρα. Το απόγευμα φάγαμε σε μια "
          "μικρή ταβέρνα κοντά στο λιμάνι.\n",
    "he": "אתמול בערב הלכנו לים וטיילנו לאורך החוף עד השקיעה. אחר כך ישבנו בבית קפה קטן ודיברנו על התוכניות לקיץ.\n",
    "ar": "ذهبنا أمس إلى السوق واشترينا الخضار والفواكه الطازجة. كان الجو جميلا وكثير من الناس يتجولون في الشوارع.\n",
    "zh-Hans": "我们明天早上去公园散步，然后在附近的饭馆吃午饭。下午打算去图书馆看书，晚上回家做饭。\n",
    "zh-Hant": "我們明天早上去公園散步，然後在附近的飯館吃午飯。下午打算去圖書館看書，晚上回家做飯。\n",
    "ja": "明日の朝は公園を散歩して、近くの店で昼ご飯を食べます。午後は図書館で本を読む予定です。\n",
    "ko": "내일 아침에는 공원을 산책하고 근처 식당에서 점심을 먹을 거예요. 오후에는 도서관에 갈 예정입니다.\n",
}

# charset label (folder) -> (Python codec, languages)
CHARSETS = {
    "windows-1252": ("cp1252", ["fr", "de", "es", "pt"]),
    "ISO-8859-15": ("iso8859_15", ["fr", "de"]),
    "macintosh": ("mac_roman", ["fr", "de"]),
    "IBM850": ("cp850", ["fr", "es"]),
    "windows-1250": ("cp1250", ["pl", "cs", "hu"]),
    "ISO-8859-2": ("iso8859_2", ["pl", "cs", "hu"]),
    "ISO-8859-16": ("iso8859_16", ["ro"]),
    "windows-1257": ("cp1257", ["lt"]),
    "windows-1254": ("cp1254", ["tr"]),
    "windows-1251": ("cp1251", ["ru", "uk"]),
    "KOI8-R": ("koi8_r", ["ru"]),
    "KOI8-U": ("koi8_u", ["uk"]),
    "IBM866": ("cp866", ["ru"]),
    "x-mac-cyrillic": ("mac_cyrillic", ["ru"]),
    "ISO-8859-5": ("iso8859_5", ["ru"]),
    "windows-1253": ("cp1253", ["el"]),
    "windows-1255": ("cp1255", ["he"]),
    "windows-1256": ("cp1256", ["ar"]),
    "GB18030": ("gb18030", ["zh-Hans"]),
    "Big5": ("big5", ["zh-Hant"]),
    "Shift_JIS": ("shift_jis", ["ja"]),
    "EUC-JP": ("euc_jp", ["ja"]),
    "ISO-2022-JP": ("iso2022_jp", ["ja"]),
    "windows-949": ("cp949", ["ko"]),
}


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    for label, (codec, langs) in CHARSETS.items():
        folder = os.path.join(ROOT, label)
        os.makedirs(folder)
        for lang in langs:
            text = TEXTS[lang]
            encoded = text.encode(codec)
            assert encoded.decode(codec) == text
            with open(os.path.join(folder, lang + ".in"), "wb") as f:
                f.write(encoded)
            with open(os.path.join(folder, lang + ".out"), "wb") as f:
                f.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
