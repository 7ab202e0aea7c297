import CMojifixScan

/// A strict RFC 8259 scanner over one line's bytes that only skips: values off the field's path
/// are checked and stepped over without being built, so a line costs one pass and no allocation
/// beyond the field's own value. Nesting is tracked on an explicit stack (no recursion: a line of
/// ten thousand `[` must not overflow the thread's stack).
struct JSONLineScanner {
    struct Failure: Error { var message: String }

    let p: UnsafeBufferPointer<UInt8>
    var i = 0
    private var containers = FlagStack()  // true: object, false: array

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    /// The byte at `j`, or 0 past the end (0 is invalid everywhere, so no bounds check is missed).
    @inline(__always) func byte(_ j: Int) -> UInt8 { j < p.count ? p[j] : 0 }
    @inline(__always) var current: UInt8 { byte(i) }

    func failure(_ expected: String) -> Failure {
        Failure(message: i < p.count ? "expected \(expected) at byte \(i + 1)" : "expected \(expected), line ends at byte \(i + 1)")
    }

    /// Whether the eight bytes at `j` hold none a string must stop at (`"`, `\\`, a control
    /// character); then `high` gets their high bits. (Word-at-a-time tests: each tells exactly
    /// whether some byte matches, though not which; a word that may hold one is read byte by byte.)
    @inline(__always) func isPlainWord(at j: Int, high: inout UInt64) -> Bool {
        guard j + 8 <= p.count else { return false }
        let word = UnsafeRawPointer(p.baseAddress! + j).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & tops != 0 }
        guard !hasZero(word ^ (ones &* 0x22)), !hasZero(word ^ (ones &* 0x5C)), (word &- ones &* 0x20) & ~word & tops == 0 else { return false }
        high |= word & tops
        return true
    }

    /// The end of the plain run that goes on at `j`, after eight plain bytes: a run that long is
    /// text between escapes, found 16 bytes at a time by the C kernel (a call per escape would
    /// cost more than the word test where escapes follow one another).
    @inline(__always) func plainRun(after j: Int, high: inout UInt64) -> Int {
        var runHigh: Int32 = 0
        let end = j + mj_json_plain_run(p.baseAddress! + j, p.count - j, &runHigh)
        if runHigh != 0 { high |= 0x80 }
        return end
    }

    mutating func skipWhitespace() {
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard current == byte else { throw failure(what) }
        i += 1
    }

    /// Steps over one value of any kind.
    mutating func skipValue() throws(Failure) {
        let base = containers.depth
        while true {
            skipWhitespace()
            switch current {
            case 0x7B:  // {
                i += 1
                skipWhitespace()
                if current == 0x7D { i += 1 } else { containers.push(true); try skipKeyAndColon(); continue }
            case 0x5B:  // [
                i += 1
                skipWhitespace()
                if current == 0x5D { i += 1 } else { containers.push(false); continue }
            case 0x22: try skipString()
            case 0x2D, 0x30...0x39: try skipNumber()
            case 0x74: try skipLiteral("true")
            case 0x66: try skipLiteral("false")
            case 0x6E: try skipLiteral("null")
            default: throw failure("a value")
            }
            // After a value: close what ends here, or step to the next member or element.
            while containers.depth > base {
                skipWhitespace()
                let inObject = containers.top
                if current == 0x2C {
                    i += 1
                    if inObject { skipWhitespace(); try skipKeyAndColon() }
                    break
                }
                guard current == (inObject ? 0x7D : 0x5D) else { throw failure(inObject ? "',' or '}'" : "',' or ']'") }
                i += 1
                containers.pop()
            }
            if containers.depth == base { return }
        }
    }

    private mutating func skipKeyAndColon() throws(Failure) {
        guard current == 0x22 else { throw failure("a key") }
        try skipString()
        skipWhitespace()
        try expect(0x3A, "':'")
    }

    /// Steps over a string, checking its escapes and that it holds no raw control character.
    mutating func skipString() throws(Failure) {
        _ = try scanString()
    }

    /// What a string literal holds, besides plain ASCII: what decoding it must do.
    struct Content {
        var escapes = false
        var rawNonASCII = false
    }

    /// `skipString`, telling what the string holds.
    mutating func scanString() throws(Failure) -> Content {
        i += 1
        var high: UInt64 = 0
        var content = Content()
        while i < p.count {
            if isPlainWord(at: i, high: &high) { i = plainRun(after: i + 8, high: &high); continue }
            let b = p[i]
            if b == 0x22 {
                i += 1
                if high != 0 { content.rawNonASCII = true }
                return content
            }
            if b == 0x5C {
                content.escapes = true
                if byte(i + 1) == 0x75 { _ = try hex4(at: i + 2); i += 6; continue }
                guard Self.simpleEscape(byte(i + 1)) != nil else { i += 1; throw failure("an escape") }
                i += 2
            } else if b < 0x20 {
                throw failure("no control character in a string")
            } else {
                if b >= 0x80 { content.rawNonASCII = true }
                i += 1
            }
        }
        throw failure("'\"'")
    }

    private mutating func skipNumber() throws(Failure) {
        if current == 0x2D { i += 1 }
        if current == 0x30 { i += 1 } else { try digits() }
        if current == 0x2E { i += 1; try digits() }
        if current == 0x65 || current == 0x45 {
            i += 1
            if current == 0x2B || current == 0x2D { i += 1 }
            try digits()
        }
    }

    private mutating func digits() throws(Failure) {
        guard (0x30...0x39).contains(current) else { throw failure("a digit") }
        while (0x30...0x39).contains(current) { i += 1 }
    }

    private mutating func skipLiteral(_ word: StaticString) throws(Failure) {
        for k in 0..<word.utf8CodeUnitCount {
            guard current == word.utf8Start[k] else { throw failure("'\(word)'") }
            i += 1
        }
    }

    /// What `\x` stands for, for every escape but `\u`.
    static func simpleEscape(_ x: UInt8) -> UInt8? {
        switch x {
        case 0x22, 0x5C, 0x2F: x
        case 0x62: 0x08
        case 0x66: 0x0C
        case 0x6E: 0x0A
        case 0x72: 0x0D
        case 0x74: 0x09
        default: nil
        }
    }

    /// The four hex digits at `j` as a UTF-16 code unit.
    @inline(__always)
    func hex4(at j: Int) throws(Failure) -> UInt32 {
        var unit: UInt32 = 0
        for k in j..<(j + 4) {
            let b = byte(k)
            // '0'-'9', then 'a'-'f' either case; anything else (0 past the end) wraps above 15.
            var digit = UInt32(b &- 0x30)
            if digit > 9 { digit = UInt32((b | 0x20) &- 0x61) &+ 10 }
            guard digit < 16 else { throw Failure(message: "expected four hex digits after \\u at byte \(j - 1)") }
            unit = unit << 4 | digit
        }
        return unit
    }
}

/// Flags by index, in one word while they fit: a line's usual nesting and path allocate nothing.
struct Flags {
    private var word: UInt64 = 0
    private var more: [Bool] = []

    subscript(k: Int) -> Bool {
        get { k < 64 ? word >> UInt64(k) & 1 != 0 : more[k - 64] }
        set {
            if k < 64 {
                word = newValue ? word | 1 << UInt64(k) : word & ~(1 << UInt64(k))
            } else {
                while more.count <= k - 64 { more.append(false) }
                more[k - 64] = newValue
            }
        }
    }
}

/// A stack of flags on `Flags`.
struct FlagStack {
    private(set) var depth = 0
    private var flags = Flags()

    mutating func push(_ flag: Bool) { flags[depth] = flag; depth += 1 }
    mutating func pop() { depth -= 1 }
    var top: Bool { flags[depth - 1] }
}
