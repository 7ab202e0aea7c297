/// A charset by its ICU name. The names are the ones Documentation/ICU.md lists, verified against Python's codecs
/// (`windows-949` is Microsoft's CP949/UHC; ICU's `cp949` is a different, IBM table).
public struct Charset: Hashable, Sendable, Codable, CustomStringConvertible {
    public let icuName: String

    public init(_ icuName: String) { self.icuName = icuName }

    public var description: String { icuName }

    public static let utf8 = Charset("UTF-8")
    public static let macintosh = Charset("macintosh")
    public static let windows1252 = Charset("windows-1252")
    public static let latin1 = Charset("ISO-8859-1")
    public static let cp437 = Charset("ibm-437")
    public static let windows1251 = Charset("windows-1251")
    public static let windows1250 = Charset("windows-1250")
    public static let windows1254 = Charset("windows-1254")
    public static let cp866 = Charset("ibm-866")
    public static let koi8r = Charset("KOI8-R")
    public static let windows949 = Charset("windows-949")
    public static let eucKR = Charset("EUC-KR")
    public static let iso2022KR = Charset("ISO-2022-KR")
    public static let johab = Charset("Johab")
    public static let utf16LE = Charset("UTF-16LE")
    public static let utf16BE = Charset("UTF-16BE")
    public static let utf32LE = Charset("UTF-32LE")
    public static let utf32BE = Charset("UTF-32BE")
    public static let shiftJIS = Charset("windows-31j")
    public static let eucJP = Charset("EUC-JP")
    public static let gb18030 = Charset("GB18030")
    public static let big5 = Charset("Big5")

    /// Single-byte charsets that UTF-8 or CP949 bytes are commonly misread as, most frequent first
    /// (the shown charsets of `Misreading.registry`).
    public static let misreadings: [Charset] = Misreading.shownCharsets

    /// Accepts common aliases for user input (`--from cp949` means Microsoft's CP949).
    public static func named(_ name: String) -> Charset {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "cp949", "uhc", "ms949", "windows-949", "x-windows-949": return .windows949
        case "euc-kr", "euckr", "ks-c-5601-1987": return .eucKR
        case "mac-roman", "macroman", "macintosh", "mac": return .macintosh
        case "cp1252", "windows-1252": return .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1": return .latin1
        case "johab", "cp1361": return .johab
        case "utf-8", "utf8": return .utf8
        case "shift-jis", "sjis", "cp932", "windows-31j": return .shiftJIS
        default: return Charset(name)
        }
    }
}
