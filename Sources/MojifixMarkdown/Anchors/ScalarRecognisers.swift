import MojifixText

/// The structure scanner's inline recognisers (code spans, autolinks, raw HTML, link tails and
/// labels: `InlineScanner`) run for a text held as scalars: the scalars are encoded to UTF-8
/// once, each call maps a scalar index to its byte offset and the end found back. One
/// recogniser per construct, whether a zone is protected or a heading's anchor text is read.
struct ScalarRecognisers {
    private let scanner = InlineScanner()
    /// Byte offset of each scalar index, and of the end.
    private let byteOffset: [Int]
    /// Scalar index of each byte offset that starts a scalar (and of the end); -1 inside one.
    private let scalarIndex: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var bytes: [UInt8] = []
        var byteOffset: [Int] = []
        byteOffset.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            byteOffset.append(bytes.count)
            UTF8Bytes.append(scalar.value, to: &bytes)
        }
        byteOffset.append(bytes.count)
        var scalarIndex = [Int](repeating: -1, count: bytes.count + 1)
        for (k, offset) in byteOffset.enumerated() { scalarIndex[offset] = k }
        self.byteOffset = byteOffset
        self.scalarIndex = scalarIndex
        bytes.withUnsafeBufferPointer { scanner.load($0, segments: [0..<bytes.count], sourceOpaque: []) }
    }

    /// Scalar index of the byte offset `end` found by a recogniser (always a scalar boundary:
    /// every construct ends on an ASCII delimiter).
    private func index(_ end: Int) -> Int { scalarIndex[end] }

    /// Start of the backtick run closing the code span whose opening run of `run` starts at `i`.
    func codeSpanCloser(at i: Int, run: Int) -> Int? {
        scanner.withText { t in scanner.codeSpanEnd(t, byteOffset[i], run) }.map { index($0) - run }
    }

    /// End of the `<scheme:...>` or `<local@domain>` autolink at `i`.
    func autolinkEnd(at i: Int) -> Int? {
        scanner.withText { t in scanner.angleAutolinkEnd(t, byteOffset[i]) }.map(index)
    }

    /// End of the raw HTML (tag, comment, declaration...) at `i`.
    func htmlEnd(at i: Int) -> Int? {
        scanner.withText { t in scanner.htmlEnd(t, byteOffset[i]) }.map { index($0.0) }
    }

    /// End of the `(destination "title")` at `i` (`(`).
    func inlineLinkTailEnd(at i: Int) -> Int? {
        scanner.withText { t in scanner.inlineLinkTail(t, byteOffset[i]) }.map(index)
    }

    /// Index of the `]` closing the link label opened at `i` (`[`).
    func labelEnd(at i: Int) -> Int? {
        scanner.withText { t in scanner.labelEnd(t, byteOffset[i]) }.map(index)
    }
}
