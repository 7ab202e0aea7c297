import MojifixCore
import MojifixTestSupport
import MojifixICU

/// Garbles text the way the world does, through the engine's own conversions (ICU, with the few
/// fixes where ICU reads a charset unlike Windows and Python; the golden corpus uses Python's
/// codecs for an independent second opinion): UTF-8 or CP949 bytes decoded as a single-byte charset.
struct Garbler {
    private let replayer = PlanReplayer()

    /// `text` (UTF-8) stored as `misreading.actual` bytes, then shown as `misreading.shownAs`;
    /// nil when a byte has no character there or the text cannot be encoded.
    func garble(_ text: [UInt8], _ misreading: Misreading) -> [UInt8]? {
        let stored: [UInt8]? = misreading.actual == .utf8 ? text : try? replayer.run([.encode(misreading.actual)], on: text)
        guard let stored, let shown = try? replayer.run([.decode(misreading.shownAs)], on: stored) else { return nil }
        // A byte the shown charset has no character for (0xA1 and 0xA5 in Windows-1257) is
        // substituted, not shown: such a misreading cannot be undone, so it is no case here.
        guard let back = try? replayer.run([.encode(misreading.shownAs)], on: shown), back == stored else { return nil }
        return shown
    }
}

/// Generates Korean and mixed text: words of common syllables with Latin words, digits,
/// punctuation, Markdown and emoji between them.
struct TextGenerator {
    var rng: SeededGenerator

    /// Syllables from KS X 1001 (EUC-KR encodable) so CP949 chains can carry them too.
    static let syllables: [UInt32] = {
        let euc = try! ICUConverter("EUC-KR")
        var pairs: [UInt8] = []
        for lead in UInt8(0xB0)...0xC8 { for trail in UInt8(0xA1)...0xFE { pairs += [lead, trail] } }
        var out: [UInt32] = []
        for s in String(decoding: try! euc.decode(pairs), as: UTF8.self).unicodeScalars { out.append(s.value) }
        return out
    }()
    static let latinWords = ["LLM", "API", "model", "data", "Swift", "GPU", "token", "RL", "agent", "v2"]
    static let emoji = ["👍", "📊", "🚀", "⚠️", "🧑‍💻", "🔑", "📌", "✨"]
    static let punctuation = [". ", ", ", "! ", "? ", ": ", " - ", " (", ") ", " **", "** ", " `x` ", "\n", "\n\n- ", "\n## "]

    mutating func koreanWord() -> String {
        var word = ""
        // Korean words are mostly two to four syllables (a one-syllable word glued to nothing
        // is as ambiguous as two accented capitals when misread through CP949).
        for _ in 0..<Int.random(in: 2...4, using: &rng) {
            word.unicodeScalars.append(Unicode.Scalar(Self.syllables.randomElement(using: &rng)!)!)
        }
        return word
    }

    /// A paragraph of `words` words; `emoji` allows 4-byte characters (not CP949-encodable).
    mutating func text(words: Int, latin: Bool = true, emoji: Bool = true) -> String {
        var out = ""
        for i in 0..<words {
            let roll = Int.random(in: 0..<10, using: &rng)
            if latin && roll == 0 {
                out += Self.latinWords.randomElement(using: &rng)! + (Bool.random(using: &rng) ? koreanWord() : "")
            } else if emoji && roll == 1 {
                out += Self.emoji.randomElement(using: &rng)!
            } else {
                out += koreanWord()
            }
            out += i % 7 == 6 ? Self.punctuation.randomElement(using: &rng)! : " "
        }
        return out + "\n"
    }
}
