/// What of a file the readings are weighed on: a sample of its lines holding non-ASCII bytes, less
/// its markup tags, and how much of its letters are not ASCII.
extension CharsetDetector {
    /// The whole input when small; otherwise lines holding non-ASCII bytes (where readings
    /// differ), up to the limit. Lines end at LF, which no candidate uses inside a character.
    /// Without such lines short enough (an RSS feed on one line), the start of the first line
    /// holding non-ASCII bytes, or of the file, cut after a byte below 0x30 where there is one: no
    /// ASCII-compatible double-byte charset uses one inside a character (their second bytes start
    /// at 0x30, GB18030's four-byte digits, or above), so a strict decode meets no half character
    /// there. (Without one, 4 KiB of Chinese prose or EBCDIC without a line break, the cut is at
    /// the limit, as it always was.)
    static func sample(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > sampleLimit else { return bytes }
        var sample: [UInt8] = []
        sample.reserveCapacity(sampleLimit + 256)
        var start = 0
        var firstLong: Range<Int>? = nil
        while start < bytes.count && sample.count < sampleLimit {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            if bytes[start..<end].contains(where: { $0 >= 0x80 }) {
                if end - start <= sampleLimit {
                    sample += bytes[start..<end]
                } else if firstLong == nil {
                    firstLong = start..<end
                }
            }
            start = end
        }
        guard sample.isEmpty else { return sample }
        return Array(cutAtCharacterBoundary(bytes[firstLong ?? 0..<bytes.count], within: sampleLimit))
    }

    /// What the readings of `sample` are weighed on: the sample without its markup (see
    /// `withoutMarkup`; in bytes Johab decodes, tags start after ASCII only).
    static func weighed(_ sample: [UInt8]) -> [UInt8] {
        withoutMarkup(sample, afterASCII: decodesAsJohab(sample))
    }

    static func decodesAsJohab(_ bytes: [UInt8]) -> Bool {
        (try? TextCodecs.codec(for: Charset("Johab")).decode(bytes)) != nil
    }

    /// The sample without its markup tags (`<title>`, `</a>`, `<meta name="viewport" …>`): in a
    /// feed or a web page the few lines of text sit in much ASCII markup, which would pick the
    /// language a reading is weighed in (English-like, where `æ` costs more than `µ`) and price the
    /// readings by how each language likes markup (Cyrillic more than Thai). A tag here is `<` and
    /// a letter, `/`, `!` or `?`, up to the next `>` on its line, all ASCII: one holding a non-ASCII
    /// byte (`alt="Ærø"`) is kept, so no byte the readings differ on is ever dropped. Each tag
    /// leaves a space, unless at a line's start or after one.
    /// `afterASCII`: a tag starts only after an ASCII byte, for bytes that Johab decodes (its
    /// second bytes include `<`; no other candidate's do).
    static func withoutMarkup(_ bytes: [UInt8], afterASCII: Bool = false) -> [UInt8] {
        guard bytes.contains(0x3C) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C, !afterASCII || i == 0 || bytes[i - 1] < 0x80, i + 1 < bytes.count, isTagStart(bytes[i + 1]),
               let end = tagEnd(bytes, from: i + 1) {
                if let last = out.last, last != 0x20 && last != 0x0A && last != 0x09 && last != 0x0D { out.append(0x20) }
                i = end + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func isTagStart(_ b: UInt8) -> Bool {
        (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2F || b == 0x21 || b == 0x3F
    }

    /// The `>` closing a tag opened before `start`: on the same line, every byte before it ASCII.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j < bytes.count {
            switch bytes[j] {
            case 0x3E: return j
            case 0x0A, 0x0D, 0x3C, 0x80...: return nil
            default: j += 1
            }
        }
        return nil
    }

    /// The longest start of `bytes` within `limit` that ends after a byte below 0x30 (all of it
    /// within the limit when there is none).
    static func cutAtCharacterBoundary(_ bytes: ArraySlice<UInt8>, within limit: Int) -> ArraySlice<UInt8> {
        let start = bytes.prefix(limit)
        // (Without one, as before: 4 KiB of Chinese without a space or line break.)
        guard let last = start.lastIndex(where: { $0 < 0x30 }) else { return start }
        return start[...last]
    }

    /// The share of the bytes' letters that are not ASCII, counting as such the bytes from 0x80 in
    /// runs of two or more: a word of Cyrillic, Greek, Thai or CJK is such a run, while Latin text
    /// has its accents and its signs one at a time between ASCII (`Länge`, `12 €`), and a share
    /// raised by them made Cyrillic readings of German sign tables cheap (`Lфnge`).
    static func nonASCIIShare(_ bytes: [UInt8]) -> Double {
        var inRuns = 0, letters = 0, run = 0
        for b in bytes {
            if b >= 0x80 { run += 1; continue }
            if run >= 2 { inRuns += run }
            run = 0
            if (0x41...0x5A).contains(b & 0xDF) { letters += 1 }
        }
        if run >= 2 { inRuns += run }
        // (No ASCII letter: no Latin text is quoted; the digits and signs are the text's own.)
        return letters == 0 ? 0 : Double(inRuns) / Double(inRuns + letters)
    }
}
