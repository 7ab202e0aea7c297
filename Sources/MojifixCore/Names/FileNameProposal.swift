/// A repaired file name: the bytes to rename to, why, and the plan that turns the old bytes into
/// the new ones (and, inverted, back).
public struct FileNameProposal: Sendable {
    /// How the name was garbled.
    public enum Garbling: String, Sendable {
        /// CP949/EUC-KR bytes taken as the name as they are (not UTF-8): what `unzip` makes of a
        /// Korean Windows zip without the UTF-8 flag.
        case rawCP949 = "raw CP949 bytes"
        /// CP949 bytes shown through a single-byte charset (zip tools use CP437) and saved as UTF-8.
        case misreadCP949 = "CP949 read as a single-byte charset"
        /// UTF-8 bytes shown through Mac OS Roman, Windows-1252, Latin-1 or CP437.
        case misreadUTF8 = "UTF-8 read as a single-byte charset"
        /// Hangul as macOS writes it (NFD, conjoining jamo).
        case decomposedHangul = "decomposed Hangul (NFD)"
    }

    public let original: [UInt8]
    public let repaired: [UInt8]
    public let garbling: Garbling
    /// Replayed on `original` it gives `repaired`; inverted on `repaired`, `original`.
    public let plan: RepairPlan
    /// What was deliberately left as it was (the rest of a decomposed name stays NFD).
    public let note: String?

    /// "encode ibm-437 -> decode windows-949", "normalize NFC".
    public var chainDescription: String { plan.passes.map(\.chain.chainDescription).joined(separator: " -> ") }
}
