/// Everyday words of languages in their own scripts (written for these tests), so the seeded
/// properties garble text in every language a misreading of UTF-8 meets, not only Korean.
enum LanguageWords {
    static let lists: [(language: String, spaced: Bool, words: [String])] = [
        ("ru", true, ["сегодня", "встреча", "перенесли", "завтра", "файл", "отчёт", "погода", "хорошая", "спасибо", "работа", "город", "письмо"]),
        ("uk", true, ["сьогодні", "зустріч", "перенесли", "їжак", "файл", "звіт", "погода", "дякую", "робота", "місто", "лист", "ґанок"]),
        ("el", true, ["σήμερα", "συνάντηση", "αύριο", "αρχείο", "καιρός", "ευχαριστώ", "δουλειά", "πόλη", "γράμμα", "θάλασσα"]),
        ("fr", true, ["réunion", "déjà", "été", "très", "où", "garçon", "fenêtre", "naïve", "cœur", "à", "élève", "noël"]),
        ("de", true, ["Größe", "über", "schön", "Straße", "Mädchen", "für", "hören", "Bäume", "weiß", "Käse", "zurück"]),
        ("pl", true, ["zażółć", "gęślą", "jaźń", "łódź", "święto", "miłość", "książka", "dziękuję", "żółty", "ćma"]),
        ("cs", true, ["příliš", "žluťoučký", "kůň", "úpěl", "ďábelské", "ódy", "řeka", "děkuji", "město", "škola"]),
        ("tr", true, ["şehir", "İstanbul", "ağaç", "çocuk", "öğretmen", "güneş", "ılık", "teşekkür", "dosya", "yarın"]),
        ("vi", true, ["tiếng", "Việt", "người", "được", "những", "thành", "phố", "cảm", "ơn", "hôm", "nay", "trời"]),
        ("es", true, ["mañana", "niño", "canción", "también", "corazón", "pingüino", "árbol", "reunión", "¿qué", "sí"]),
        ("ja", false, ["今日", "は", "会議", "が", "あります", "ファイル", "名前", "東京", "ありがとう", "天気", "です", "ね"]),
        ("zh", false, ["今天", "天气", "很好", "我们", "文件", "会议", "谢谢", "城市", "明天", "工作", "学习", "朋友"]),
    ]
}

extension TextGenerator {
    /// Languages `text(words:language:)` writes: Korean and every list above.
    static let languages = ["ko"] + LanguageWords.lists.map(\.language)

    /// A paragraph of `words` words in `language` (Korean: `text(words:)`), with ASCII words,
    /// digits and punctuation between them as real text has.
    mutating func text(words: Int, language: String, emoji: Bool = true) -> String {
        guard let list = LanguageWords.lists.first(where: { $0.language == language }) else {
            return text(words: words, latin: true, emoji: emoji)
        }
        var out = ""
        for i in 0..<words {
            let roll = Int.random(in: 0..<12, using: &rng)
            if roll == 0 {
                out += Self.latinWords.randomElement(using: &rng)!
            } else if emoji && roll == 1 {
                out += Self.emoji.randomElement(using: &rng)!
            } else if roll == 2 {
                out += String(Int.random(in: 1...2025, using: &rng))
            } else {
                out += list.words.randomElement(using: &rng)!
            }
            out += i % 7 == 6 ? Self.punctuation.randomElement(using: &rng)! : list.spaced || roll < 3 ? " " : ""
        }
        return out + "\n"
    }
}
