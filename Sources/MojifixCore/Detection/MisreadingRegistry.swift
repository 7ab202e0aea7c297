/// The one list of misreadings mojifix knows. Detection (`Repairer`), file-name repair
/// (`FileNameRepair`), the suspicion alphabet, the golden corpus (`Corpus/misreadings.tsv`, read by
/// `Scripts/make_corpus.py`), the seeded property tests and the README table are all derived from
/// it; `MisreadingRegistryTests` checks that none of them drifted. Adding a misreading is adding an
/// entry here, regenerating the corpus and pasting the table the test prints into the README.
extension Misreading {
    /// What text a misreading is found in, and what the corpus garbles for it.
    public enum Texts: String, Sendable {
        /// Text in any language (UTF-8 can hold them all).
        case anyLanguage = "any"
        /// Korean only (CP949 holds Hangul, Hanja and KS X 1001 symbols, no emoji).
        case korean
    }

    /// One registered misreading and everything derived from it.
    public struct Entry: Sendable {
        /// The golden corpus folder, `Corpus/golden/<id>` (`Corpus/names/<id>.tsv` for names).
        public let id: String
        public let misreading: Misreading
        /// The shown charset as the README names it.
        public let label: String
        /// Python's codecs for the actual and the shown charset, which the corpus is garbled
        /// with (independent of ICU). A `cp125x` codec is read the way ICU and browsers read it:
        /// its undefined bytes pass through as the C1 controls of the same number.
        public let pythonCodecs: (actual: String, shownAs: String)
        public let texts: Texts
        /// Tried on document content (`Repairer`), in registry order: the first of two readings
        /// with equal evidence wins.
        public let content: Bool
        /// Place among the readings file-name repair tries (the first one names a plan two
        /// readings agree on), or nil when names are not tried this way.
        public let nameRank: Int?
        /// The shown charset's high half is mostly letters (CP866 and KOI8-R: Cyrillic), so clean
        /// text in it looks like mojibake to the hand-weighed evidence: the language model decides.
        public let languageModelOnly: Bool

        init(_ id: String, _ actual: Charset, _ shownAs: Charset, _ label: String, python: (String, String),
             texts: Texts, content: Bool = true, nameRank: Int? = nil, languageModelOnly: Bool = false) {
            self.id = id
            misreading = Misreading(actual: actual, shownAs: shownAs)
            self.label = label
            pythonCodecs = python
            self.texts = texts
            self.content = content
            self.nameRank = nameRank
            self.languageModelOnly = languageModelOnly
        }
    }

    /// Every misreading, in the order detection tries them: UTF-8 through every single-byte
    /// charset, most frequent first, then CP949 through the Western charsets Korean files are
    /// usually opened with by mistake (and, for names, CP437: zip tools read names without the
    /// UTF-8 flag in it).
    public static let registry: [Entry] = [
        Entry("utf8-as-macintosh", .utf8, .macintosh, "Mac OS Roman", python: ("utf-8", "mac_roman"), texts: .anyLanguage, nameRank: 4),
        Entry("utf8-as-windows-1252", .utf8, .windows1252, "Windows-1252", python: ("utf-8", "cp1252"), texts: .anyLanguage, nameRank: 5),
        Entry("utf8-as-iso-8859-1", .utf8, .latin1, "ISO-8859-1", python: ("utf-8", "latin-1"), texts: .anyLanguage, nameRank: 6),
        Entry("utf8-as-cp437", .utf8, .cp437, "CP437", python: ("utf-8", "cp437"), texts: .anyLanguage, nameRank: 7),
        Entry("utf8-as-windows-1251", .utf8, .windows1251, "Windows-1251", python: ("utf-8", "cp1251"), texts: .anyLanguage),
        Entry("utf8-as-windows-1250", .utf8, .windows1250, "Windows-1250", python: ("utf-8", "cp1250"), texts: .anyLanguage),
        Entry("utf8-as-windows-1254", .utf8, .windows1254, "Windows-1254", python: ("utf-8", "cp1254"), texts: .anyLanguage),
        Entry("utf8-as-cp866", .utf8, .cp866, "CP866", python: ("utf-8", "cp866"), texts: .anyLanguage, languageModelOnly: true),
        Entry("utf8-as-koi8-r", .utf8, .koi8r, "KOI8-R", python: ("utf-8", "koi8_r"), texts: .anyLanguage, languageModelOnly: true),
        Entry("utf8-as-iso-8859-2", .utf8, Charset("ISO-8859-2"), "ISO-8859-2", python: ("utf-8", "iso8859_2"), texts: .anyLanguage),
        Entry("utf8-as-windows-1257", .utf8, Charset("windows-1257"), "Windows-1257", python: ("utf-8", "cp1257"), texts: .anyLanguage),
        Entry("utf8-as-windows-1256", .utf8, Charset("windows-1256"), "Windows-1256", python: ("utf-8", "cp1256"), texts: .anyLanguage,
              languageModelOnly: true),
        Entry("utf8-as-windows-1253", .utf8, Charset("windows-1253"), "Windows-1253", python: ("utf-8", "cp1253"), texts: .anyLanguage,
              languageModelOnly: true),
        Entry("cp949-as-iso-8859-1", .windows949, .latin1, "ISO-8859-1", python: ("cp949", "latin-1"), texts: .korean, nameRank: 1),
        Entry("cp949-as-windows-1252", .windows949, .windows1252, "Windows-1252", python: ("cp949", "cp1252"), texts: .korean, nameRank: 2),
        Entry("cp949-as-macintosh", .windows949, .macintosh, "Mac OS Roman", python: ("cp949", "mac_roman"), texts: .korean, nameRank: 3),
        Entry("cp949-as-cp437", .windows949, .cp437, "CP437", python: ("cp949", "cp437"), texts: .korean, content: false, nameRank: 0),
    ]

    /// The misreadings detection tries on documents, in registry order.
    static let content: [Misreading] = registry.filter(\.content).map(\.misreading)

    /// The misreadings file-name repair tries, by rank.
    static let names: [Misreading] =
        registry.compactMap { entry in entry.nameRank.map { (rank: $0, misreading: entry.misreading) } }
            .sorted { $0.rank < $1.rank }.map(\.misreading)

    /// Every shown charset, once, in registry order: the tables detection and names build.
    static let shownCharsets: [Charset] = registry.reduce(into: []) { charsets, entry in
        if !charsets.contains(entry.misreading.shownAs) { charsets.append(entry.misreading.shownAs) }
    }

    static let decidedByLanguageModel: Set<Misreading> = Set(registry.filter(\.languageModelOnly).map(\.misreading))

    /// "CP437, ISO-8859-1, Windows-1252 or Mac OS Roman": the charsets names are tried as shown in.
    public static var nameCharsetsDescription: String {
        var labels: [String] = []
        for entry in registry.filter({ $0.nameRank != nil }).sorted(by: { $0.nameRank! < $1.nameRank! })
        where !labels.contains(entry.label) {
            labels.append(entry.label)
        }
        return labels.dropLast().joined(separator: ", ") + (labels.count > 1 ? " or " : "") + (labels.last ?? "")
    }
}
