import MojifixText

/// Zero-width spaces, word joiners and byte order marks inside a word are removed outside code
/// (they break search and slugs, and nobody sees them) and reported as errors in code (never
/// edited there); U+FFFD is reported, since what it replaced is lost. Elsewhere such a character
/// may be there on purpose, to keep Markdown or a site from reading syntax (`https:<ZWSP>//` is no
/// link, `@<ZWSP>team` no mention, `<ZWSP># text` no heading): it is left, and reported.
struct InvisibleCharactersRule: MarkdownRule {
    static let name = "invisible-characters"
    static let summary = "Remove ZWSP, WJ and mid-file BOM; report U+FFFD."
    static let kind = RuleKind.fix

    static let removed: [UInt32: String] = [0x200B: "zero-width space", 0x2060: "word joiner", 0xFEFF: "byte order mark"]

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        var outcome = RuleOutcome()
        let bytes = document.bytes
        // Only the runs holding one of these characters are decoded: most documents hold none.
        let runs = Bytes.runs(holding: [[0xE2, 0x80, 0x8B], [0xE2, 0x81, 0xA0], [0xEF, 0xBB, 0xBF], [0xEF, 0xBF, 0xBD]], in: document)
        for (offset, scalar, length) in runs.flatMap({ Bytes.scalars(bytes, $0) }) {
            if let what = Self.removed[scalar], offset > 0 {
                if document.structure.touchesZone(offset..<offset + length) {
                    // Code is never edited, but a hidden character there is the one that matters most.
                    outcome.findings.append(Finding(offset: offset, rule: Self.name, severity: .error,
                                                    message: "\(what.prefix(1).uppercased() + what.dropFirst()) \(Bytes.codePoint(scalar)) in code: remove it by hand (code is never edited)"))
                } else if Self.insideAWord(bytes, offset..<offset + length) || (scalar == 0xFEFF && bytes[offset - 1] == 0x0A) {
                    // (A BOM at a line start is where concatenating files left it, before the
                    // second file's first line: `# Part two` is a heading again without it.)
                    outcome.edits.append(TextEdit(range: offset..<offset + length, replacement: [], message: "Remove the \(what)"))
                } else {
                    outcome.findings.append(Finding(offset: offset, rule: Self.name, severity: .warning,
                                                    message: "\(what.prefix(1).uppercased() + what.dropFirst()) \(Bytes.codePoint(scalar)) outside a word: left (it may keep Markdown from reading syntax)"))
                }
            } else if scalar == 0xFFFD, document.structure.zone(containing: offset) == nil {
                outcome.findings.append(Finding(offset: offset, rule: Self.name, severity: .warning,
                                                message: "U+FFFD replacement character: the original character was lost"))
            }
        }
        return outcome
    }

    /// Bytes looked at on each side for the word holding the character (a longer word keeps it).
    static let wordLimit = 256

    /// Letters, digits or marks on both sides, and the word they make without it spells no link,
    /// address or mention (`http<ZWSP>s://`, `www<ZWSP>.x.org` are letters on both sides too): then
    /// removing the character changes no syntax. (Signs, spaces and line edges are where an author
    /// puts one on purpose.)
    static func insideAWord(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            func wordy(_ s: UInt32) -> Bool {
                guard s >= 0x80 else { return (s >= 0x30 && s <= 0x39) || (s | 0x20 >= 0x61 && s | 0x20 <= 0x7A) }
                guard let p = Unicode.Scalar(s)?.properties else { return false }
                return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            }
            let before = UTF8Bytes.scalar(before: range.lowerBound, in: p), after = UTF8Bytes.scalar(at: range.upperBound, in: p)
            guard wordy(before), wordy(after), !writtenWithoutSpaces(before), !writtenWithoutSpaces(after) else { return false }
            func edge(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            var start = range.lowerBound, end = range.upperBound
            while start > 0 && !edge(p[start - 1]) { start -= 1; if range.lowerBound - start > wordLimit { return false } }
            while end < p.count && !edge(p[end]) { end += 1; if end - range.upperBound > wordLimit { return false } }
            let word = Array(p[start..<range.lowerBound]) + Array(p[range.upperBound..<end])
            return !Self.spellsALink(word)
        }
    }

    /// A letter of a script written without spaces between words (Thai, Lao, Tibetan, Myanmar,
    /// Khmer, kana, Han), where a ZWSP is the word boundary a line may break at.
    static func writtenWithoutSpaces(_ s: UInt32) -> Bool {
        (0x0E00...0x0FFF).contains(s) || (0x1000...0x109F).contains(s) || (0x1780...0x17FF).contains(s)
            || (0x3040...0x30FF).contains(s) || (0x3400...0x9FFF).contains(s) || (0xF900...0xFAFF).contains(s) || s >= 0x20000
    }

    /// A URL scheme, `www.`, an address or a mention, a GitHub reference.
    private static func spellsALink(_ word: [UInt8]) -> Bool {
        func has(_ s: String) -> Bool {
            let needle = Array(s.utf8)
            return word.count >= needle.count && (0...(word.count - needle.count)).contains { word[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        return has("://") || has("www.") || word.contains(0x40) || word.contains(0x23)
    }
}
