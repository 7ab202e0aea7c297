/// The most common Hangul syllables of modern Korean prose, most frequent first (general language
/// knowledge: particles, endings, frequent Sino-Korean morphemes). Used only to choose between
/// equally valid guesses for bytes that were lost before mojifix saw the text (U+FFFD, NBSP turned
/// into a space); it never decides whether text is repaired.
enum CommonHangul {
    static let ranked: [Character] = Array(
        "이다는의에하고을가지기로서한리사자도어수인나대보있시정아그것적해게만주부상일들라니요전국면제"
        + "우과여성장오내원동무분말소학구위경방데각생화비중단문신유공연세관할미발마개된되드거때실물회선"
        + "모심르를은와으습었했안없같진교치통트터스용운법현입결행식계명산작업또록저련력체점영향변형차"
        + "합번달알며날시간람집및등더잘못까지왜많새좀막엇")

    /// Bonus in 0...0.5 for a syllable on the list, larger for the more frequent.
    static let bonus: [UInt32: Float] = {
        var table: [UInt32: Float] = [:]
        for (rank, syllable) in ranked.enumerated() {
            guard let scalar = syllable.unicodeScalars.first?.value, table[scalar] == nil else { continue }
            table[scalar] = 0.5 * (1 - Float(rank) / Float(ranked.count))
        }
        return table
    }()
}
