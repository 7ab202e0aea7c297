/// One replayable step of a repair, applied to bytes. `decode X` reads bytes in charset X and
/// yields UTF-8; `encode X` turns UTF-8 into bytes in X (both through ICU, strictly).
public enum ChainStep: Hashable, Sendable, CustomStringConvertible {
    case encode(Charset)
    case decode(Charset)
    /// Unicode normalisation, "NFC" or "NFD" (never a compatibility form).
    case normalize(String)
    /// Drops the byte order mark of the named encoding form from the start.
    case stripBOM(Charset)
    /// Puts that byte order mark back (the inverse of `stripBOM`).
    case addBOM(Charset)

    public var description: String {
        switch self {
        case .encode(let c): return "encode \(c)"
        case .decode(let c): return "decode \(c)"
        case .normalize(let form): return "normalize \(form)"
        case .stripBOM(let c): return "strip \(c) BOM"
        case .addBOM(let c): return "add \(c) BOM"
        }
    }

    /// The step that undoes this one.
    public var inverse: ChainStep {
        switch self {
        case .encode(let c): return .decode(c)
        case .decode(let c): return .encode(c)
        case .normalize(let form): return .normalize(form == "NFC" ? "NFD" : "NFC")
        case .stripBOM(let c): return .addBOM(c)
        case .addBOM(let c): return .stripBOM(c)
        }
    }

    /// The byte order mark of an encoding form, as bytes.
    static func byteOrderMark(_ charset: Charset) -> [UInt8] {
        switch charset {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf32LE: return [0xFF, 0xFE, 0x00, 0x00]
        case .utf32BE: return [0x00, 0x00, 0xFE, 0xFF]
        default: return []
        }
    }
}

extension Array where Element == ChainStep {
    /// The steps that undo these, in reverse order.
    public var inverted: [ChainStep] { reversed().map(\.inverse) }

    /// "encode macintosh -> decode UTF-8".
    public var chainDescription: String { map(\.description).joined(separator: " -> ") }
}

extension ChainStep: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad step \(text)")) }
        let argument = parts[1]
        switch parts[0] {
        case "encode": self = .encode(Charset(argument))
        case "decode": self = .decode(Charset(argument))
        case "normalize": self = .normalize(argument)
        case "strip": self = .stripBOM(Charset(String(argument.dropLast(4))))
        case "add": self = .addBOM(Charset(String(argument.dropLast(4))))
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad step \(text)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
