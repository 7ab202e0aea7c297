#if canImport(Glibc)
import Glibc
#endif

/// Windows-1252 text decoded as ISO-8859-1 keeps its curly quotes, dashes and ellipsis as C1
/// control characters (`\u{93}quoted\u{94}`, `d\u{92}une`, `\u{85}`). No written text uses C1
/// controls, so each one that Windows-1252 gives a character to is turned into it: `encode
/// ISO-8859-1 -> decode windows-1252`, proven by the two tables being each other's inverse on
/// those bytes. Runs after the mojibake layers: a C1 control right after a character that leads
/// a UTF-8 sequence as Latin-1 (`Ã\u{89}`) belongs to a misread UTF-8 character, not to
/// Windows-1252 punctuation, and is left for the mojibake pass.
struct C1AsWindows1252 {
    static let steps: [ChainStep] = [.encode(.latin1), .decode(.windows1252)]

    let windows1252: SingleByteTable

    /// True when the text holds a C1 control (`C2 80`-`C2 9F`): a fast look for the clean path.
    static func mayApply(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = 0
        while i + 1 < p.count, let found = memchr(base + i, 0xC2, p.count - i - 1) {
            let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if (0x80...0x9F).contains(p[at + 1]) { return true }
            i = at + 1
        }
        return false
    }

    func run(_ text: [UInt8]) -> (output: [UInt8], pass: RepairPass)? {
        text.withUnsafeBufferPointer { p -> (output: [UInt8], pass: RepairPass)? in
            guard Self.mayApply(p) else { return nil }
            // As for the mojibake layers: C1 controls only in code, quotes or block quotes of an
            // otherwise clean document were written on purpose (a table of code points in a code
            // block), and a `mojifix: ignore` line is never changed.
            var regions = QuotedRegions(p)
            var output: [UInt8] = []
            output.reserveCapacity(p.count)
            var changes: [RepairChange] = []
            var copied = 0
            var i = 0
            while i < p.count {
                let (scalar, length) = UTF8.decode(p, at: i)
                guard let replacement = self.replacement(scalar, at: i, p), !regions.isIgnored(i..<i + length) else {
                    i += length
                    continue
                }
                // A run of them (`\u{94}\u{85}`) is one change.
                let start = i
                output.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<start]))
                let outputStart = output.count
                UTF8.append(replacement, to: &output)
                i += length
                while i < p.count {
                    let (next, nextLength) = UTF8.decode(p, at: i)
                    guard let r = self.replacement(next, at: i, p), !regions.isIgnored(i..<i + nextLength) else { break }
                    UTF8.append(r, to: &output)
                    i += nextLength
                }
                changes.append(RepairChange(
                    inputRange: start..<i, outputRange: outputStart..<output.count,
                    steps: Self.steps, confidence: 1, lossless: true,
                    before: String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: Unicode.UTF8.self),
                    after: String(decoding: output[outputStart...], as: Unicode.UTF8.self)))
                copied = i
            }
            guard !changes.isEmpty, !changes.allSatisfy({ regions.isQuoted($0.inputRange) }) else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...]))
            return (output, RepairPass(kind: .mojibake, chain: Self.steps, changes: changes))
        }
    }

    /// The Windows-1252 character for a C1 control at `i`, unless the control is part of a
    /// misread UTF-8 sequence.
    private func replacement(_ scalar: UInt32, at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard ScalarTraits.isC1Control(scalar) else { return nil }
        let shown = windows1252.byteToScalar[Int(scalar)]
        guard !ScalarTraits.isC1Control(shown), !Self.insideMisreadUTF8(at: i, p) else { return nil }
        return shown
    }

    /// True when the Latin-1 characters around offset `i` (the character there included), taken
    /// as bytes, hold a well-formed UTF-8 multi-byte sequence covering it (`Ã\u{89}`, `â\u{80}\u{9C}`).
    static func insideMisreadUTF8(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        // Up to three Latin-1 characters before and after (each is 2 bytes in UTF-8: C2/C3 xx).
        var bytes: [UInt8] = []
        var j = i
        while bytes.count < 3 && j >= 2 && (p[j - 2] == 0xC2 || p[j - 2] == 0xC3) {
            j -= 2
            bytes.insert(UInt8(UTF8.decode(p, at: j).scalar), at: 0)
        }
        let here = bytes.count
        j = i
        while bytes.count < here + 4 && j + 1 < p.count && (p[j] == 0xC2 || p[j] == 0xC3) {
            bytes.append(UInt8(UTF8.decode(p, at: j).scalar))
            j += 2
        }
        for start in 0...here where (0xC2...0xF4).contains(bytes[start]) {
            let length = UTF8.sequenceLength(lead: bytes[start])
            guard start + length > here, start + length <= bytes.count else { continue }
            if UTF8.isValid(Array(bytes[start..<start + length])) { return true }
        }
        return false
    }
}
