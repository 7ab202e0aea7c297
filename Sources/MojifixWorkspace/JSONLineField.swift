/// One string field of a JSON Lines record, found and replaced without re-serialising the line:
/// every byte outside the field's string literal stays as it was.
///
/// The path is a top-level key, or keys separated by `.` for nested objects (`meta.body`); a key
/// that itself contains a `.` cannot be named. The whole line is checked against RFC 8259, so a
/// malformed line is reported rather than half-edited. A key repeated along the path makes the
/// line invalid: parsers disagree on which copy wins, so no choice would be safe.
package struct JSONLineField: Sendable {
    package let path: [[UInt8]]
    package let name: String

    package init(path: String) {
        name = path
        self.path = path.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    package enum Lookup: Equatable, Sendable {
        /// The field holds a string.
        case string(JSONStringValue)
        /// The line is a JSON object without the field (or an object on the path is missing).
        case missing
        /// The field holds a number, object, array, `true`, `false` or `null`.
        case notString
        /// Not a JSON object, or the field is unusable (lone surrogate, bad UTF-8, duplicate key).
        case invalid(String)
    }

    package func lookup(in line: [UInt8]) -> Lookup {
        line.withUnsafeBufferPointer { lookup(in: $0) }
    }

    package func lookup(in line: UnsafeBufferPointer<UInt8>) -> Lookup {
        var walk = Walk(scanner: JSONLineScanner(line), field: self)
        do throws(JSONLineScanner.Failure) {
            walk.scanner.skipWhitespace()
            guard walk.scanner.current == 0x7B else { return .invalid("not a JSON object") }
            try walk.object(level: 0)
            walk.scanner.skipWhitespace()
            guard walk.scanner.i == line.count else { throw walk.scanner.failure("the end of the line after the object") }
            return walk.result
        } catch {
            return .invalid(error.message)
        }
    }

    /// `line` with the literal at `value.range` replaced by `utf8`, written in the value's style.
    package static func replacing(_ value: JSONStringValue, with utf8: [UInt8], in line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<value.range.lowerBound]))
        JSONText.appendQuoted(utf8, asciiOnly: value.asciiEscaped, to: &out)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[value.range.upperBound...]))
    }

    /// The objects along the path, walked member by member; everything else is skipped.
    private struct Walk {
        var scanner: JSONLineScanner
        let field: JSONLineField
        var result = Lookup.missing
        var seen = Flags()  // by level: the path's key was met

        init(scanner: JSONLineScanner, field: JSONLineField) {
            self.scanner = scanner
            self.field = field
        }

        /// The object at the scanner (on its `{`), `level` keys down the path.
        mutating func object(level: Int) throws(JSONLineScanner.Failure) {
            scanner.i += 1
            scanner.skipWhitespace()
            if scanner.current == 0x7D { scanner.i += 1; return }
            while true {
                scanner.skipWhitespace()
                guard scanner.current == 0x22 else { throw scanner.failure("a key") }
                let onPath = try scanner.keyEquals(field.path[level])
                scanner.skipWhitespace()
                try scanner.expect(0x3A, "':'")
                scanner.skipWhitespace()
                if onPath {
                    if seen[level] { throw JSONLineScanner.Failure(message: "duplicate key \(JSONText.quote(String(decoding: field.path[level], as: UTF8.self)))") }
                    seen[level] = true
                    try member(level: level)
                } else {
                    try scanner.skipValue()
                }
                scanner.skipWhitespace()
                if scanner.current == 0x2C { scanner.i += 1; continue }
                try scanner.expect(0x7D, "',' or '}'")
                return
            }
        }

        /// The value of the key at `level` of the path.
        private mutating func member(level: Int) throws(JSONLineScanner.Failure) {
            let last = level == field.path.count - 1
            if !last && scanner.current == 0x7B { return try object(level: level + 1) }
            guard last && scanner.current == 0x22 else {
                if last { result = .notString }
                return try scanner.skipValue()
            }
            switch try scanner.decodeString() {
            case .value(let value): result = .string(value)
            case .loneSurrogate(let unit):
                let hex = String(unit, radix: 16)
                result = .invalid("field \(JSONText.quote(field.name)) holds a lone surrogate \\u\(hex)")
            case .invalidUTF8: result = .invalid("field \(JSONText.quote(field.name)) is not valid UTF-8")
            }
        }
    }
}
