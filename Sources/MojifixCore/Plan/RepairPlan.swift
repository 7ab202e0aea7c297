/// Everything a repair did, as data: enough to replay it on the input, to explain it, and to invert
/// it on the output to get the input back byte for byte.
public struct RepairPlan: Codable, Sendable {
    /// How the input bytes were read ("UTF-8", or the legacy charset they were transcoded from).
    public var inputEncoding: String
    /// Passes in the order they ran; each one's ranges refer to its own input and output.
    public var passes: [RepairPass]
    /// Lossy changes found but not made (lossy repair is opt-in): listed by `check` and
    /// `explain` so a person can decide; nil when there are none.
    public var withheld: [WithheldChange]?
    /// Mojibake left as written because it is quoted (code, block quotes, quotation marks) in a
    /// document that is otherwise clean, or on a `mojifix: ignore` line: information only.
    public var quoted: [WithheldChange]?
    /// Mojibake left as written because readings with as much evidence decode it differently and
    /// the language model prefers none (`ÂĄ`: `¥` or `¡`); each `after` is the first reading's.
    public var ambiguous: [WithheldChange]?

    public init(inputEncoding: String = "UTF-8", passes: [RepairPass] = [], withheld: [WithheldChange]? = nil,
                quoted: [WithheldChange]? = nil, ambiguous: [WithheldChange]? = nil) {
        self.inputEncoding = inputEncoding
        self.passes = passes
        self.withheld = withheld
        self.quoted = quoted
        self.ambiguous = ambiguous
    }

    mutating func withhold(_ changes: [RepairChange], afterPasses: Int) {
        guard !changes.isEmpty else { return }
        withheld = (withheld ?? []) + changes.map { WithheldChange(afterPasses: afterPasses, change: $0) }
    }

    public var changeCount: Int { passes.reduce(0) { $0 + $1.changeCount } }
    public var isEmpty: Bool { passes.allSatisfy { $0.changeCount == 0 } }
    /// True when every change can be undone from the output alone.
    public var isLossless: Bool { passes.allSatisfy(\.isLossless) }
}

/// A lossy change that was not made. Its ranges refer to the text after the first `afterPasses`
/// passes of the plan (the output when that is all of them).
public struct WithheldChange: Codable, Sendable {
    public var afterPasses: Int
    public var change: RepairChange
}

/// One pass over the whole text: a transcoding, one layer of mojibake, or Hangul composition.
public struct RepairPass: Codable, Sendable {
    /// What a pass does.
    public enum Kind: String, Codable, Sendable {
        /// The input was not UTF-8 (legacy charset, UTF-16/32, BOM): the whole file is converted.
        case transcode
        /// One layer of misread characters.
        case mojibake
        /// macOS's decomposed Hangul composed to NFC.
        case composeHangul = "compose-hangul"
    }

    public var kind: Kind
    /// The chain most changes of this pass follow.
    public var chain: [ChainStep]
    /// The changes in order. A mojibake layer keeps them compact and makes them when asked (each
    /// time: read them once, and use `changeCount` to count them).
    public var changes: [RepairChange] {
        get { compact?.changes() ?? listed }
        set { listed = newValue; compact = nil }
    }
    private var listed: [RepairChange]
    private var compact: ChangeList?

    public init(kind: Kind, chain: [ChainStep], changes: [RepairChange]) {
        self.kind = kind
        self.chain = chain
        listed = changes
    }

    init(kind: Kind, chain: [ChainStep], changes: ChangeList) {
        self.kind = kind
        self.chain = chain
        listed = []
        compact = changes
    }

    public var changeCount: Int { compact?.count ?? listed.count }
    /// True when every change can be undone from the output alone.
    public var isLossless: Bool { compact?.isLossless ?? listed.allSatisfy(\.lossless) }

    /// The output ranges of the changes, in order, without making the changes.
    var outputRanges: OutputRanges { OutputRanges(pass: self) }

    struct OutputRanges: RandomAccessCollection {
        let pass: RepairPass?
        var startIndex: Int { 0 }
        var endIndex: Int { pass?.changeCount ?? 0 }
        subscript(k: Int) -> Range<Int> { pass!.compact?.outputRange(k) ?? pass!.listed[k].outputRange }
    }

    /// Attaches the pass's input to a compact list of changes, which reads its texts there.
    mutating func keepInput(_ input: [UInt8]) { compact?.input = input }

    private enum CodingKeys: String, CodingKey { case kind, chain, changes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        chain = try container.decode([ChainStep].self, forKey: .chain)
        listed = try container.decode([RepairChange].self, forKey: .changes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(chain, forKey: .chain)
        try container.encode(changes, forKey: .changes)
    }
}

/// One edited byte range.
public struct RepairChange: Codable, Sendable {
    /// Bytes of the pass's input that were replaced.
    public var inputRange: Range<Int>
    /// Where the replacement stands in the pass's output.
    public var outputRange: Range<Int>
    /// Replaying these on the input bytes gives the output bytes (for lossless changes).
    public var steps: [ChainStep]
    /// 0...1: how sure the detector is that this was mojibake.
    public var confidence: Double
    /// False when bytes were lost before mojifix saw the text and had to be guessed; the inverse
    /// then uses `originalBytes` instead of the inverted steps.
    public var lossless: Bool
    /// The input text of the range (nil when the input was not UTF-8).
    public var before: String?
    /// The output text of the range.
    public var after: String
    /// What the lost bytes were guessed from, e.g. "U+FFFD -> 0x9D" (lossy changes only).
    public var guesses: [String]?
    /// The exact input bytes of the range, kept for lossy changes so they can be undone too.
    public var originalBytes: [UInt8]?

    public init(inputRange: Range<Int>, outputRange: Range<Int>, steps: [ChainStep], confidence: Double,
                lossless: Bool, before: String?, after: String, guesses: [String]? = nil,
                originalBytes: [UInt8]? = nil) {
        self.inputRange = inputRange
        self.outputRange = outputRange
        self.steps = steps
        self.confidence = confidence
        self.lossless = lossless
        self.before = before
        self.after = after
        self.guesses = guesses
        self.originalBytes = originalBytes
    }
}
