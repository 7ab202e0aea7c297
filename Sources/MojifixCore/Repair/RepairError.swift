/// Why a repair was refused. Nothing is changed when one of these is thrown.
public enum RepairError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes look like a binary file (NUL bytes, control characters), not text.
    case binary(String)
    /// The bytes are not valid in the charset that was forced or detected.
    case undecodable(charset: String, offset: Int?)
    /// Two or more legacy readings are equally plausible; the user must choose with `--from`.
    case ambiguous([String])
    /// UTF-8 text whose mojibake reads as well under two misreadings (`UTF-8 read as
    /// windows-1250`, `… ISO-8859-2`), or differently in every repair round: `--from`, which
    /// chooses a legacy charset, does not apply.
    case ambiguousReading([String])
    /// UTF-8 text with a few bytes that are not (a Latin-1 `ï` pasted into it): no legacy
    /// charset is the file's, and every one `--from` could choose garbles its UTF-8.
    case mostlyUTF8(strayBytes: Int, firstAt: Int)
    /// The input is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// The input is neither UTF-8 nor any supported legacy charset.
    case unknownEncoding
    /// `--from` named a charset neither ICU nor mojifix knows.
    case unknownCharset(String)

    public var description: String {
        switch self {
        case .binary(let why): return "binary input (\(why)); not changed"
        case .undecodable(let charset, let offset):
            return "not valid \(charset)" + (offset.map { " at byte \($0)" } ?? "") + "; not changed"
        case .ambiguous(let names):
            return "ambiguous encoding: could be \(names.joined(separator: " or ")); choose one with --from"
        case .ambiguousReading(let names):
            return "ambiguous encoding: could be \(names.joined(separator: " or ")); not changed"
        case .mostlyUTF8(let stray, let first):
            return "UTF-8 but for \(stray) byte\(stray == 1 ? "" : "s") (the first at byte \(first + 1)): no legacy charset fits the rest; not changed (mend \(stray == 1 ? "it" : "them") by hand)"
        case .tooLarge(let bytes, let limit): return "input is \(bytes) bytes, over the \(limit)-byte limit; not changed"
        case .unknownEncoding: return "not UTF-8 and no supported legacy encoding fits; use --from CHARSET"
        case .unknownCharset(let name): return "unknown charset \"\(name)\" (try cp949, euc-kr, johab, iso-2022-kr, utf-16le, shift_jis, windows-1252)"
        }
    }
}
