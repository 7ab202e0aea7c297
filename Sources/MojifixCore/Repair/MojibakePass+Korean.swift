/// A CP949 reading's line must read as Korean.
///
/// CP949 readings are weighed by the hand-weighed evidence alone (the model prefers any two high
/// characters read as a syllable to the symbols they were), and any two Latin-1 or Mac OS Roman
/// characters whose bytes fall in CP949's ranges make a syllable or a Hanja: a character table in
/// source code (`ÀÁÂÃÄÅÆÇÈÉÊ…`, Python's `shlex`), a list of accented letters or a string of
/// keyboard symbols decoded to `읒쩠컵판훔墾勁卦今錄桐路描白繃`. Real Korean, even a line of rare
/// loanwords (`펀자브어`), costs the Korean model at most about 9 nats per bigram of its letters;
/// such decodes cost 13 to 16 (Hanja and rare syllables side by side). A line whose decoded letters
/// cost more than `leastKoreanFit` per bigram neither establishes the reading nor is repaired on
/// its own evidence; in a document other lines establish, it follows them (a line of Hanja in a
/// Korean text).
extension MojibakePass {
    /// Nats per bigram of the decoded letters (Korean's typical cost is about 3).
    static let leastKoreanFit = 12.0

    private static let korean = LanguageModel.shared.language(code: "ko")

    /// The units' letters, runs of adjacent ones as words, cost the Korean model less than
    /// `leastKoreanFit` per bigram (a line too short to price reads as Korean).
    static func readsAsKorean(_ units: some Collection<DecodedUnit>) -> Bool {
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
        return cost / Double(scores.bigrams) < Self.leastKoreanFit
    }
}
