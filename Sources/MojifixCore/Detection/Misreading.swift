/// One way text gets garbled: bytes in `actual` were decoded as the single-byte charset `shownAs`
/// and saved again. Its repair is `encode shownAs -> decode actual`; its inverse the reverse.
public struct Misreading: Hashable, Sendable, CustomStringConvertible {
    public let actual: Charset
    public let shownAs: Charset

    public init(actual: Charset, shownAs: Charset) {
        self.actual = actual
        self.shownAs = shownAs
    }

    public var repairSteps: [ChainStep] { [.encode(shownAs), .decode(actual)] }

    /// Registered as decided by the language model alone (see `Entry.languageModelOnly`).
    var needsLanguageModel: Bool { Self.decidedByLanguageModel.contains(self) }

    public var description: String { "\(actual) read as \(shownAs)" }
}

/// A byte sequence of the actual charset found inside misread text: the source characters from
/// `start` to `end` (byte offsets into the text) stand for the one character `scalar`.
struct DecodedUnit {
    var start: Int
    var end: Int
    var scalar: UInt32
    /// Bytes the character takes in the actual charset (= source characters).
    var width: Int
    /// Set when a lost byte (U+FFFD, or NBSP turned into a space) had to be guessed.
    var lossy = false
    /// The lost byte was an NBSP that became a plain space.
    var spaceLost = false
    /// Other characters the guess could have been (lossy units only).
    var alternatives: [UInt32] = []
    /// Evidence that this is mojibake and not clean text (see UnitScoring).
    var evidence: Float = 0
    /// The decoded character is plausible enough for the unit to add evidence to its line; a
    /// doubtful one (IPA, a rare syllable) can only follow a line that is repaired anyway.
    var supportive = false
    var rejected = false
}
