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
/// (Stored compactly, 32 bytes a unit: a long garbled line holds one per garbled character. The
/// end is kept as a length and the width as a byte: a unit spans at most six source characters.)
struct DecodedUnit {
    let start: Int
    var end: Int { start + Int(length) }
    var scalar: UInt32
    /// Evidence that this is mojibake and not clean text (see UnitScoring).
    var evidence: Float = 0
    private let length: UInt8
    private let storedWidth: UInt8
    /// Bytes the character takes in the actual charset (= source characters).
    var width: Int { Int(storedWidth) }
    /// Set when a lost byte (U+FFFD, or NBSP turned into a space) had to be guessed.
    var lossy: Bool
    /// The lost byte was an NBSP that became a plain space.
    var spaceLost: Bool
    /// The decoded character is plausible enough for the unit to add evidence to its line; a
    /// doubtful one (IPA, a rare syllable) can only follow a line that is repaired anyway.
    var supportive = false
    var rejected = false
    /// Other characters the guess could have been (lossy units only).
    var alternatives: [UInt32]

    init(start: Int, end: Int, scalar: UInt32, width: Int, lossy: Bool = false, spaceLost: Bool = false,
         alternatives: [UInt32] = []) {
        self.start = start
        length = UInt8(end - start)
        self.scalar = scalar
        storedWidth = UInt8(width)
        self.lossy = lossy
        self.spaceLost = spaceLost
        self.alternatives = alternatives
    }
}
