/// Small UTF-8 helpers over raw bytes, the only UTF-8 decoder and encoder of the libraries. The
/// engine keeps text as UTF-8 bytes end to end (Documentation/ICU.md: converting to UTF-16 or
/// Swift `String` was the slowest step measured). Named apart from the standard library's `UTF8`
/// (MojifixCore calls it `UTF8` through a typealias of its own). Public, not `package`: the
/// Swift 6.3 toolchain inlines an `@inlinable package` function into no other module (every
/// `decode` was a call; MojifixText is no product, so this adds no API).
public enum UTF8Bytes {
    /// Decodes the scalar starting at `i` of valid UTF-8; returns it and its length in bytes (the
    /// length the lead byte announces). A sequence cut by the end of `p` is decoded from the bytes
    /// there are.
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            if i + 1 >= p.count { return (b0 & 0x1F, 2) }
            return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            if i + 2 >= p.count { return (cut(p, at: i, length: 3), 3) }
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if i + 3 >= p.count { return (cut(p, at: i, length: 4), 4) }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// The scalar ending right before byte `offset` (0 at the start of the text).
    @inlinable
    public static func scalar(before offset: Int, in p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard offset > 0 else { return 0 }
        var i = offset - 1
        while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        return decode(p, at: i).scalar
    }

    /// The scalar starting at byte `offset` (0 at the end of the text).
    @inlinable
    public static func scalar(at offset: Int, in p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        offset < p.count ? decode(p, at: offset).scalar : 0
    }

    /// A sequence of `length` cut by the end of `p`: the bits of the bytes there are.
    @usableFromInline
    static func cut(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        var scalar = UInt32(p[i]) & (length == 3 ? 0x0F : 0x07)
        for k in 1..<length where i + k < p.count { scalar = scalar << 6 | UInt32(p[i + k] & 0x3F) }
        return scalar
    }

    /// `decode` on an array.
    @inlinable
    public static func decode(_ bytes: [UInt8], at i: Int) -> (scalar: UInt32, length: Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: i) }
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inlinable @inline(__always)
    public static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Writes the UTF-8 encoding of `scalar` at `out` (room for four bytes); returns its length.
    @inlinable @inline(__always)
    public static func write(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6); out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12); out[1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18); out[1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
            out[2] = UInt8(0x80 | (scalar >> 6) & 0x3F); out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    @inlinable
    public static func encode(_ scalar: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        append(scalar, to: &out)
        return out
    }

    /// Length of the sequence a lead byte starts, or 0 if it cannot start one.
    @inlinable @inline(__always)
    public static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// The allowed range of the byte after `lead` (excludes overlongs, surrogates, > U+10FFFF).
    @inlinable @inline(__always)
    public static func secondByteRange(lead: UInt8) -> ClosedRange<UInt8> {
        switch lead {
        case 0xE0: return 0xA0...0xBF
        case 0xED: return 0x80...0x9F
        case 0xF0: return 0x90...0xBF
        case 0xF4: return 0x80...0x8F
        default: return 0x80...0xBF
        }
    }

    /// True when `bytes` is well-formed UTF-8.
    @inlinable
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        validPrefixLength(bytes) == bytes.count
    }

    /// Length of the longest well-formed prefix (an incomplete final sequence is not counted).
    @inlinable
    public static func validPrefixLength(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        let n = p.count
        while i < n {
            // Skip ASCII eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            let length = sequenceLength(lead: b0)
            guard length > 1, i + length <= n, secondByteRange(lead: b0).contains(p[i + 1]) else { return i }
            var k = 2
            while k < length {
                guard p[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return i
    }

    /// How many multi-byte sequences of `bytes` are well-formed UTF-8, how many bytes are not
    /// part of one (a byte that starts no sequence is counted alone), and where the first such
    /// byte is.
    public static func tally(_ bytes: [UInt8]) -> (sequences: Int, strayBytes: Int, firstStray: Int?) {
        var sequences = 0, stray = 0, first: Int? = nil
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length = sequenceLength(lead: b0)
            if length > 1, i + length <= bytes.count, secondByteRange(lead: b0).contains(bytes[i + 1]),
               (2..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                sequences += 1
                i += length
            } else {
                stray += 1
                first = first ?? i
                i += 1
            }
        }
        return (sequences, stray, first)
    }

    @inlinable
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    /// Scalars of valid UTF-8 bytes.
    @inlinable
    public static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { p in
            var out: [UInt32] = []
            out.reserveCapacity(p.count)
            var i = 0
            while i < p.count {
                let (s, l) = decode(p, at: i)
                out.append(s)
                i += l
            }
            return out
        }
    }
}
