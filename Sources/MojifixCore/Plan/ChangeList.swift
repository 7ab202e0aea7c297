/// The changes of a mojibake layer kept compact: a long garbled line makes millions, and a
/// `RepairChange` holds two strings and three arrays (over 100 bytes before its texts). Here a
/// change is 16 bytes (its input range, where its output ends, its confidence); its output start
/// follows from the previous change (the text between changes is copied as it is), and its texts
/// are read from the pass's input and output when the change is asked for.
struct ChangeList: Sendable {
    struct Record {
        var inputStart: UInt32
        var inputEnd: UInt32
        var outputEnd: UInt32
        /// Thousandths (see `MojibakePass.confidence`).
        var confidence: UInt16
        /// The change decodes a CESU-8 surrogate pair (`surrogateSteps`).
        var surrogates: Bool
    }

    /// The steps of most changes, and of changes that decode a surrogate pair.
    let steps: [ChainStep]
    let surrogateSteps: [ChainStep]
    /// The pass's input and output, attached once the pass is written.
    var input: [UInt8] = []
    var output: [UInt8] = []
    /// Fixed-size chunks: a list grown by doubling would hold up to twice its size while it grows.
    private var chunks: [[Record]] = []
    private(set) var count = 0
    /// The guesses of lossy changes, by index (their original bytes are the input's).
    private var guesses: [Int: [String]] = [:]
    private static let chunkBits = 16

    init(steps: [ChainStep], surrogateSteps: [ChainStep]) {
        self.steps = steps
        self.surrogateSteps = surrogateSteps
    }

    var isLossless: Bool { guesses.isEmpty }

    mutating func append(input: Range<Int>, outputEnd: Int, confidence: Int, surrogates: Bool, guesses: [String]?) {
        if count & ((1 << Self.chunkBits) - 1) == 0 {
            // The first chunk grows as a small pass needs (one a file or JSON record); the next ones are full.
            chunks.append([])
            if count > 0 { chunks[chunks.count - 1].reserveCapacity(1 << Self.chunkBits) }
        }
        if let guesses { self.guesses[count] = guesses }
        chunks[chunks.count - 1].append(Record(inputStart: UInt32(input.lowerBound), inputEnd: UInt32(input.upperBound),
                                               outputEnd: UInt32(outputEnd), confidence: UInt16(confidence), surrogates: surrogates))
        count += 1
    }

    /// Drops the changes from index `count` on.
    mutating func truncate(to count: Int) {
        while self.count > count {
            self.count -= 1
            guesses[self.count] = nil
            chunks[chunks.count - 1].removeLast()
            if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        }
    }

    mutating func setConfidence(_ confidence: Int, from start: Int) {
        for k in start..<count { chunks[k >> Self.chunkBits][k & ((1 << Self.chunkBits) - 1)].confidence = UInt16(confidence) }
    }

    private func record(_ k: Int) -> Record { chunks[k >> Self.chunkBits][k & ((1 << Self.chunkBits) - 1)] }

    func outputRange(_ k: Int) -> Range<Int> {
        let r = record(k)
        guard k > 0 else { return Int(r.inputStart)..<Int(r.outputEnd) }
        let previous = record(k - 1)
        return Int(previous.outputEnd) + Int(r.inputStart) - Int(previous.inputEnd)..<Int(r.outputEnd)
    }

    /// The changes made, their input read in `input` (the pass's input when nil).
    func changes(input: UnsafeBufferPointer<UInt8>? = nil) -> [RepairChange] {
        guard let input else { return self.input.withUnsafeBufferPointer { changes(input: $0) } }
        return output.withUnsafeBufferPointer { output in
            (0..<count).map { k in
                let r = record(k)
                let inputRange = Int(r.inputStart)..<Int(r.inputEnd)
                let outputRange = outputRange(k)
                let before = UnsafeBufferPointer(rebasing: input[inputRange])
                let guesses = guesses[k]
                return RepairChange(inputRange: inputRange, outputRange: outputRange, steps: r.surrogates ? surrogateSteps : steps,
                                    confidence: Double(r.confidence) / 1000, lossless: guesses == nil,
                                    before: String(decoding: before, as: Unicode.UTF8.self),
                                    after: String(decoding: UnsafeBufferPointer(rebasing: output[outputRange]), as: Unicode.UTF8.self),
                                    guesses: guesses, originalBytes: guesses == nil ? nil : Array(before))
            }
        }
    }
}
