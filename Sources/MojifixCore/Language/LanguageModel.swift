internal import CMojifixLanguage

/// One notion of "this is real text in language L": character bigram costs per language, from
/// word frequencies of real text (see Scripts/make_language_model.py). A cost is -ln P in nats;
/// lower is more plausible. Costs of the same scalars under different languages, or of different
/// readings of the same bytes under one language, compare directly.
public struct LanguageModel: Sendable {
    public static let shared = LanguageModel()

    /// Every modelled language, by index.
    public let languages: [Language]

    private init() {
        languages = (0..<Int(mj_lm_language_count())).map { index in
            Language(index: index, code: String(cString: mj_lm_language_code(Int32(index))),
                     script: Language.Script(rawValue: Int(mj_lm_language_script(Int32(index)).rawValue)) ?? .latin,
                     typicalCost: Double(mj_lm_language_typical_cost(Int32(index))) / 10)
        }
    }

    public func language(code: String) -> Language? { languages.first { $0.code == code } }

    /// Which bigrams a score counts. Readings of the same bytes in ASCII-compatible charsets
    /// differ only in the bigrams that touch a non-ASCII scalar: score the ASCII ones once
    /// (`.ascii`), the rest per reading (`.nonASCII`), and add.
    public enum Bigrams: UInt32, Sendable { case all = 0, nonASCII = 1, ascii = 2 }

    /// Scores `scalars` under `languages` (default: every language written in a script that
    /// occurs in them; Latin ones for pure ASCII).
    public func score(_ scalars: [UInt32], languages: LanguageSet? = nil, bigrams: Bigrams = .all) -> LanguageScores {
        scalars.withUnsafeBufferPointer { buffer in
            let mask = languages?.mask ?? mj_lm_languages_for(buffer.baseAddress, buffer.count)
            var costs = [Int64](repeating: 0, count: self.languages.count)
            let counted = costs.withUnsafeMutableBufferPointer { out in
                mj_lm_score(buffer.baseAddress, buffer.count, mask, mj_lm_bigrams(rawValue: bigrams.rawValue), out.baseAddress)
            }
            return LanguageScores(model: self, mask: mask, costs: costs, bigrams: counted)
        }
    }

    /// `score(scalars, languages:, bigrams:).best` (the same language and cost), without the
    /// costs of the other languages: what judging a line needs, once per reading of it.
    public func best(_ scalars: [UInt32], languages: LanguageSet? = nil, bigrams: Bigrams = .all) -> (language: Language, cost: Double)? {
        if languages?.mask == 0 { return nil }  // (a mask of 0 asks the C kernel for the default languages)
        var cost: Int64 = 0
        let index = scalars.withUnsafeBufferPointer { buffer in
            mj_lm_best(buffer.baseAddress, buffer.count, languages?.mask ?? 0, mj_lm_bigrams(rawValue: bigrams.rawValue), &cost)
        }
        return index < 0 ? nil : (self.languages[Int(index)], Double(cost) / 10)
    }

    /// Only the bigrams touching a non-ASCII scalar when `nonASCIIOnly`.
    public func score(_ scalars: [UInt32], languages: LanguageSet? = nil, nonASCIIOnly: Bool) -> LanguageScores {
        score(scalars, languages: languages, bigrams: nonASCIIOnly ? .nonASCII : .all)
    }

    /// The languages `score` uses by default for these scalars: those written in a script that
    /// occurs in them (Latin ones for pure ASCII; Han adds Japanese and Korean).
    public func languagesFor(_ scalars: [UInt32]) -> LanguageSet {
        LanguageSet(mask: scalars.withUnsafeBufferPointer { mj_lm_languages_for($0.baseAddress, $0.count) })
    }

    /// Every language.
    public var all: LanguageSet { LanguageSet(mask: languages.count == 64 ? .max : (1 << UInt64(languages.count)) - 1) }

    /// Whether `language`'s word lists use `scalar` at all (folded as the model does). An unseen
    /// letter of the language's own script is priced below the floor, but is not known.
    /// Romanian writes its comma-below ș ț (the word lists) as widely with the cedilla ş ţ that
    /// legacy charsets offered: either form is a letter the language uses. (Only here, not in the
    /// costs: telling ISO-8859-16's ș from ISO-8859-2's ş is how a Romanian file's charset is found.)
    public func knows(_ scalar: UInt32, in language: Language) -> Bool {
        if mj_lm_knows(Int32(language.index), mj_lm_token(scalar)) != 0 { return true }
        guard let comma = Self.commaBelow[scalar] else { return false }
        return mj_lm_knows(Int32(language.index), mj_lm_token(comma)) != 0
    }

    private static let commaBelow: [UInt32: UInt32] = [0x15E: 0x218, 0x15F: 0x219, 0x162: 0x21A, 0x163: 0x21B]

    /// Cost in nats of `scalar` right after `previous` in `language` (separators and case folded
    /// as the model does): the building block for scoring a single change.
    public func cost(of scalar: UInt32, after previous: UInt32, in language: Language) -> Double {
        Double(mj_lm_cost(Int32(language.index), mj_lm_token(previous), mj_lm_token(scalar))) / 10
    }
}

/// One language of the plausibility model (its ISO 639-1 code, e.g. "ko").
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The writing system the language's bigrams are in.
    public enum Script: Int, Sendable { case latin = 1, cyrillic, greek, hebrew, arabic, han, japanese, hangul, thai }

    public let index: Int
    /// BCP 47 tag: "fr", "zh-Hans", "zh-Hant", "ko" ...
    public let code: String
    public let script: Script
    /// Mean cost per bigram of the language's own text under the model (nats).
    public let typicalCost: Double

    public var description: String { code }
}

/// A set of languages, as the bit mask the C kernel takes.
public struct LanguageSet: Sendable, Equatable {
    public var mask: UInt64
    public init(_ languages: [Language]) { mask = languages.reduce(0) { $0 | (1 << UInt64($1.index)) } }
    public init(mask: UInt64) { self.mask = mask }
    public func contains(_ language: Language) -> Bool { mask & (1 << UInt64(language.index)) != 0 }
}

/// Total cost of one scalar sequence under each scored language.
public struct LanguageScores: Sendable {
    let model: LanguageModel
    public let mask: UInt64
    var costs: [Int64]
    /// Number of bigrams counted (the divisor of the mean costs).
    public private(set) var bigrams: Int

    /// The scores of two parts of one text (e.g. `.nonASCII` of a reading plus `.ascii` of the
    /// bytes), over the languages both scored.
    public func adding(_ other: LanguageScores) -> LanguageScores {
        var sum = self
        for i in costs.indices { sum.costs[i] += other.costs[i] }
        sum.bigrams += other.bigrams
        return LanguageScores(model: model, mask: mask & other.mask, costs: sum.costs, bigrams: sum.bigrams)
    }

    /// `adding(other)`, where `other` holds the ASCII bigrams of a text (`.ascii`), priced for a
    /// language of another script than Latin partly at the cheapest any Latin-script language
    /// prices them: by `quoted`, the share of the text's letters that are not ASCII. In a text
    /// written mostly in Thai, Russian or Korean, ASCII is Latin-script text quoted there (markup,
    /// URLs, dates, English), which each of those languages would price by how much Latin its
    /// word lists happen to hold (Russian cheaper than Thai: a Thai feed's ISO-8859-5 reading was
    /// the cheaper one). In Latin-script text with a sign or two, it is the text's own words,
    /// which a non-Latin reading of those signs must pay for in its own language.
    public func adding(asciiOf other: LanguageScores, quoted: Double) -> LanguageScores {
        var latin: Int64? = nil
        for language in model.languages where language.script == .latin && other.mask & (1 << UInt64(language.index)) != 0 {
            latin = min(latin ?? .max, other.costs[language.index])
        }
        var ascii = other
        if let latin, quoted > 0 {
            for language in model.languages where language.script != .latin && ascii.costs[language.index] > latin {
                let own = Double(ascii.costs[language.index])
                ascii.costs[language.index] = Int64((own + (Double(latin) - own) * min(1, quoted)).rounded())
            }
        }
        return adding(ascii)
    }

    /// Total cost in nats under `language`, nil when it was not scored.
    public func cost(_ language: Language) -> Double? {
        mask & (1 << UInt64(language.index)) != 0 ? Double(costs[language.index]) / 10 : nil
    }

    /// Scored languages, cheapest first.
    public var ranked: [(language: Language, cost: Double)] {
        model.languages.compactMap { language in cost(language).map { (language, $0) } }.sorted { $0.cost < $1.cost }
    }

    /// The most plausible language and its total cost (the first of `ranked`: on a tie, the
    /// language listed first), found in one pass.
    public var best: (language: Language, cost: Double)? {
        var found: Int? = nil
        for i in costs.indices where mask & (1 << UInt64(i)) != 0 {
            if found.map({ costs[i] < costs[$0] }) ?? true { found = i }
        }
        return found.map { (model.languages[$0], Double(costs[$0]) / 10) }
    }

    /// Mean cost per counted bigram under the best language (0 when nothing was counted).
    public var meanCost: Double { best.map { bigrams > 0 ? $0.cost / Double(bigrams) : 0 } ?? 0 }

    /// How far the text is from typical text of its best language: the best language's typical
    /// cost over the mean cost (about 1 or more for real text, well below 1 for garbage).
    /// Meaningful for whole-text scores (`nonASCIIOnly: false`).
    public var plausibility: Double {
        guard let best, bigrams > 0, meanCost > 0 else { return 1 }
        return best.language.typicalCost / meanCost
    }
}
