/// Tests on eight bytes at once (a word loaded from text, any byte order), for scans that pass
/// over plain runs a word at a time. Both are the classic bit tricks in their exact form: they
/// say whether such a byte is in the word, never which one it is.
public enum ByteWords {
    /// Every byte set to `byte`.
    @inlinable
    static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Some byte of `word` is below `limit` (at most 0x80).
    @inlinable
    public static func holdsByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- repeated(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Some byte of `word` is `byte`.
    @inlinable
    public static func holds(_ byte: UInt8, in word: UInt64) -> Bool { holdsByte(below: 1, in: word ^ repeated(byte)) }
}
