import MojifixText

/// A decoded JSON string: its UTF-8 and how it was written.
package struct JSONStringValue: Equatable, Sendable {
    /// The literal's bytes in the line, quotes included: what a replacement takes the place of.
    package var range: Range<Int>
    /// The value, decoded to UTF-8 (always valid: lone surrogates and bad UTF-8 are refused).
    package var utf8: [UInt8]
    /// Non-ASCII was written as `\uXXXX` and never raw (Python's `json.dumps` default), so a
    /// replacement should be written the same way.
    package var asciiEscaped: Bool
}

extension JSONLineScanner {
    enum Decoded {
        case value(JSONStringValue)
        case loneSurrogate(UInt32)
        case invalidUTF8
    }

    /// Decodes the string at `i` (on its `"`). Syntax errors throw; a string that is valid JSON
    /// but not valid Unicode is returned as such, so a key can simply fail to match.
    mutating func decodeString() throws(Failure) -> Decoded {
        let start = i
        var out: [UInt8] = []
        var rawNonASCII = false, escapedNonASCII = false
        var lone: UInt32? = nil
        i += 1
        var run = i  // start of the bytes copied as they are
        var high: UInt64 = 0
        while true {
            if isPlainWord(at: i, high: &high) { i += 8; continue }
            guard i < p.count else { throw failure("'\"'") }
            let b = p[i]
            if b == 0x22 { break }
            if b < 0x20 { throw failure("no control character in a string") }
            if b != 0x5C {
                if b >= 0x80 { rawNonASCII = true }
                i += 1
                continue
            }
            // One allocation at the first escape (a value without any is copied in one go at the
            // end), bounded: keys are decoded this way too, and a long line holds many of them.
            if out.capacity == 0 { out.reserveCapacity(min(p.count - run, 1 << 12)) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
            if byte(i + 1) == 0x75 {
                var scalar = try hex4(at: i + 2)
                i += 6
                if (0xD800..<0xDC00).contains(scalar), current == 0x5C, byte(i + 1) == 0x75,
                   case let low = try hex4(at: i + 2), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    i += 6
                } else if (0xD800..<0xE000).contains(scalar) {
                    lone = lone ?? scalar
                    scalar = 0xFFFD  // placeholder; the value is refused below
                }
                if scalar >= 0x80 { escapedNonASCII = true }
                UTF8Bytes.append(scalar, to: &out)
            } else {
                guard let decoded = Self.simpleEscape(byte(i + 1)) else { i += 1; throw failure("an escape") }
                out.append(decoded)
                i += 2
            }
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
        i += 1
        if high != 0 { rawNonASCII = true }
        if let lone { return .loneSurrogate(lone) }
        if rawNonASCII && !UTF8Bytes.isValid(out) { return .invalidUTF8 }
        return .value(JSONStringValue(range: start..<i, utf8: out, asciiEscaped: escapedNonASCII && !rawNonASCII))
    }

    /// Whether the key at `i` (on its `"`) is `name`; compared as raw bytes unless it has escapes.
    mutating func keyEquals(_ name: [UInt8]) throws(Failure) -> Bool {
        let start = i + 1
        try skipString()
        let raw = UnsafeBufferPointer(rebasing: p[start..<(i - 1)])
        guard raw.contains(0x5C) else { return raw.elementsEqual(name) }
        i = start - 1
        guard case .value(let key) = try decodeString() else { return false }
        return key.utf8 == name
    }
}
