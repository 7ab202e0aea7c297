/// A CP949 reading's line must read as Korean.
///
/// CP949 readings are weighed by the hand-weighed evidence alone (the model prefers any two high
/// characters read as a syllable to the symbols they were), and any two Latin-1 or Mac OS Roman
/// characters whose bytes fall in CP949's ranges make a syllable or a Hanja: a character table in
/// source code (`ÀÁÂÃÄÅÆÇÈÉÊ…`, Python's `shlex`), a list of accented letters or a string of
/// keyboard symbols decoded to `읒쩠컵판훔墾勁卦今錄桐路描白繃`. Real Korean, even a line of rare
/// loanwords (`펀자브어`), costs the Korean model at most about 9 nats per bigram of its letters
/// once it has four bigrams (8.4 over 1,821 lines of wordfreq's Korean words, 9.0 on dev-eval),
/// a word or two alone up to about 13 (`툭툭`); such decodes cost 12 to 16 (Hanja, kana and rare
/// syllables side by side). A table of a charset's characters in byte order (`°±²³´µ¶·¸¹`,
/// JavaScript's iconv-lite) makes commoner syllables, but its bytes count up one by one, which
/// Korean's do not for four bytes running. A line whose letters cost more, or that holds such a
/// run, neither establishes the reading nor is repaired on its own evidence; in a document other
/// lines establish, it follows them (a line of Hanja in a Korean text).
extension MojibakePass {
    /// Nats per bigram of the decoded letters past which they are not Korean (Korean's typical
    /// cost is about 3): with four bigrams or more, and with two or three (noisier).
    static let leastKoreanFit = 10.5
    static let leastKoreanFitOfAWord = 12.0
    static let bigramsOfALine = 4

    private static let korean = LanguageModel.shared.language(code: "ko")

    /// Whether the reading's strong lines establish it (two of them, or one strong enough), a
    /// CP949 reading's only where they read as Korean; asked of as few lines as that needs (the
    /// fit prices each line it asks about).
    func isEstablished(_ reading: Reading, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let needsWord = reading.decoder.misreading.actual == .windows949
        var strong = 0
        for group in reading.groups where group.evidence >= Self.standaloneThreshold
            && (!needsWord || group.hasWord && Self.readsAsKorean(reading.units[group.range], decoder: reading.decoder, p)) {
            strong += 1
            if strong >= 2 || group.evidence >= Self.establishedThreshold { return true }
        }
        return false
    }

    /// Bytes counting up one by one, this many running, are a table of characters.
    static let tableRun = 4

    /// The units' source bytes (through `decoder`'s table) hold no table run, and their letters,
    /// runs of adjacent ones as words, cost the Korean model less than `leastKoreanFit` per bigram
    /// (`leastKoreanFitOfAWord` under `bigramsOfALine`; a single bigram reads as Korean).
    static func readsAsKorean(_ units: some Collection<DecodedUnit>, decoder: UnitDecoder, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        !countsUpInBytes(units, decoder: decoder, p) && lettersReadAsKorean(units)
    }

    static func lettersReadAsKorean(_ units: some Collection<DecodedUnit>) -> Bool {
        guard let korean = Self.korean else { return true }
        var words: [UInt32] = []
        var end = -1
        for unit in units {
            guard ScalarTraits.isLetter(unit.scalar) else {
                end = -1
                continue
            }
            if unit.start != end && !words.isEmpty { words.append(0x20) }
            words.append(unit.scalar)
            end = unit.end
        }
        let scores = LanguageModel.shared.score(words, languages: LanguageSet([korean]))
        guard scores.bigrams >= 2, let cost = scores.cost(korean) else { return true }
        return cost / Double(scores.bigrams) < (scores.bigrams >= bigramsOfALine ? leastKoreanFit : leastKoreanFitOfAWord)
    }

    /// `tableRun` source bytes of adjacent units, each one more than the one before.
    static func countsUpInBytes(_ units: some Collection<DecodedUnit>, decoder: UnitDecoder, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var last = -2, run = 0, end = -1
        for unit in units {
            if unit.start != end { run = 0 }
            var i = unit.start
            while i < unit.end {
                let (scalar, length) = UTF8.decode(p, at: i)
                let byte = decoder.table.byte(for: scalar).map(Int.init) ?? -2
                run = byte == last + 1 && run > 0 ? run + 1 : 1
                if run >= tableRun { return true }
                last = byte
                i += length
            }
            end = unit.end
        }
        return false
    }
}
