import CMojifixScan
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
    /// `literalEnd`: where the literal ends, when a scan found it (room for it alone).
    mutating func decodeString(literalEnd: Int? = nil) throws(Failure) -> Decoded {
        let start = i
        var content = Content()
        var lone: UInt32? = nil
        var escapedNonASCII = false
        var failure: Failure? = nil
        // Written in place, in room for the rest of the line (or the literal, when known: a line of
        // many escaped keys would take the rest of the line for each), allocated once: a value never
        // takes more bytes than its literal (`\uXXXX` is six for at most three, a pair twelve for four).
        let utf8 = [UInt8](unsafeUninitializedCapacity: max(1, (literalEnd ?? p.count) - i)) { out, count in
            do throws(Failure) {
                count = try decodeBody(into: out.baseAddress!, content: &content, lone: &lone, escapedNonASCII: &escapedNonASCII)
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        if let lone { return .loneSurrogate(lone) }
        if content.rawNonASCII && utf8.withUnsafeBufferPointer({ mj_utf8_valid($0.baseAddress, $0.count) }) == 0 { return .invalidUTF8 }
        return .value(JSONStringValue(range: start..<i, utf8: utf8, asciiEscaped: escapedNonASCII && !content.rawNonASCII))
    }

    /// The string at `i` (on its `"`) decoded to `out`, `i` left past it; returns the length. A
    /// lone surrogate is written as U+FFFD (the value is refused) and the first kept in `lone`.
    private mutating func decodeBody(into out: UnsafeMutablePointer<UInt8>, content: inout Content, lone: inout UInt32?,
                                     escapedNonASCII: inout Bool) throws(Failure) -> Int {
        i += 1
        var n = 0
        var run = i  // start of the bytes copied as they are
        var high: UInt64 = 0
        while true {
            if isPlainWord(at: i, high: &high) { i = plainRun(after: i + 8, high: &high); continue }
            guard i < p.count else { throw failure("'\"'") }
            let b = p[i]
            if b == 0x22 { break }
            if b < 0x20 { throw failure("no control character in a string") }
            if b != 0x5C {
                if b >= 0x80 { content.rawNonASCII = true }
                i += 1
                continue
            }
            content.escapes = true
            if i > run {  // (escapes often follow one another)
                (out + n).update(from: p.baseAddress! + run, count: i - run)
                n += i - run
            }
            if byte(i + 1) == 0x75 {
                var scalar = try hex4(at: i + 2)
                i += 6
                if (0xD800..<0xDC00).contains(scalar), current == 0x5C, byte(i + 1) == 0x75,
                   case let low = try hex4(at: i + 2), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    i += 6
                } else if (0xD800..<0xE000).contains(scalar) {
                    lone = lone ?? scalar
                    scalar = 0xFFFD  // placeholder; the value is refused
                }
                if scalar >= 0x80 { escapedNonASCII = true }
                n += UTF8Bytes.write(scalar, to: out + n)
            } else {
                guard let decoded = Self.simpleEscape(byte(i + 1)) else { i += 1; throw failure("an escape") }
                out[n] = decoded
                n += 1
                i += 2
            }
            run = i
        }
        (out + n).update(from: p.baseAddress! + run, count: i - run)
        n += i - run
        i += 1
        if high != 0 { content.rawNonASCII = true }
        return n
    }

    /// Whether the key at `i` (on its `"`) is `name`; compared as raw bytes unless it has escapes.
    mutating func keyEquals(_ name: [UInt8]) throws(Failure) -> Bool {
        let start = i + 1
        guard try scanString().escapes else { return UnsafeBufferPointer(rebasing: p[start..<(i - 1)]).elementsEqual(name) }
        let end = i
        i = start - 1
        guard case .value(let key) = try decodeString(literalEnd: end) else { return false }
        return key.utf8 == name
    }
}
