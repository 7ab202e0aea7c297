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
/// end is kept as a length and the width as a byte: a unit spans at most six source characters.
/// No reference either, so that copying units, which every reading does, retains nothing: a
/// guess's choices are worked out from its bytes when asked for.)
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
    /// Its neighbours speak against it (a lone letter glued to a word of another script, a letter
    /// whose case contradicts both neighbours'): set by `UnitScoring`, which lowered its evidence.
    var doubted = false
    /// A guess's UTF-8 bytes, the first in the lowest byte, 0 for each byte a U+FFFD hides
    /// (0 for every other unit).
    private let guessedBytes: UInt32
    /// How many characters a guess could be (0 for every other unit).
    let choiceCount: UInt16

    init(start: Int, end: Int, scalar: UInt32, width: Int, lossy: Bool = false, spaceLost: Bool = false,
         guessedBytes: UInt32 = 0, choiceCount: Int = 0) {
        self.start = start
        length = UInt8(end - start)
        self.scalar = scalar
        storedWidth = UInt8(width)
        self.lossy = lossy
        self.spaceLost = spaceLost
        self.guessedBytes = guessedBytes
        self.choiceCount = UInt16(min(choiceCount, Int(UInt16.max)))
    }

    /// A lost byte with several characters it could be.
    var isGuess: Bool { choiceCount > 1 }

    /// The characters the guess could be (lossy units only), each hidden byte one of `replaced`
    /// (its decoder's `replacementBytes`), every choice that forms valid UTF-8, in order.
    func alternatives(_ replaced: [UInt8]) -> [UInt32] {
        guessedBytes == 0 ? [] : Self.choices(guessedBytes, width: width, replaced: replaced)
    }

    /// The characters `bytes` (`width` of them, 0 where a byte is hidden) can be.
    static func choices(_ bytes: UInt32, width: Int, replaced: [UInt8]) -> [UInt32] {
        var seq = (0..<width).map { UInt8(truncatingIfNeeded: bytes >> (8 * UInt32($0))) }
        var choices: [UInt32] = []
        func expand(_ k: Int) {
            if k == width {
                if UTF8.isValid(seq) { choices.append(UTF8.scalars(seq)[0]) }
                return
            }
            if seq[k] != 0 { expand(k + 1); return }
            for b in replaced { seq[k] = b; expand(k + 1) }
            seq[k] = 0
        }
        expand(0)
        return choices
    }
}
