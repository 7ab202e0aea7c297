import Foundation

/// UTF-8 shown as Mac OS Roman, or as Windows-1252 whose five undefined bytes pass through as C1
/// controls (the WHATWG reading Scripts/make_corpus.py uses), or are lost as U+FFFD (a strict
/// decoder, Python's `errors="replace"`).
public enum Garbling {
    /// Bytes 0x80-0xFF in Python's mac_roman codec (corelibs Foundation's .macOSRoman is not
    /// Mac OS Roman on Linux: it reads 0x80 as U+00A0).
    public static let macRoman = Array((0..<128).map { Unicode.Scalar(UInt8($0)) })
        + Array("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›\u{FB01}\u{FB02}‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ".unicodeScalars)
    public static let windows1252: [Unicode.Scalar] = (0..<256).map { byte in
        if let s = String(bytes: [UInt8(byte)], encoding: .windowsCP1252), s.unicodeScalars.count == 1,
           s.unicodeScalars.first!.value != 0xFFFD { return s.unicodeScalars.first! }
        return Unicode.Scalar(UInt8(byte))
    }

    public static func garble(_ text: String, macRoman: Bool) -> String {
        let table = macRoman ? Self.macRoman : windows1252
        var out = ""
        for byte in text.utf8 { out.unicodeScalars.append(table[Int(byte)]) }
        return out
    }

    /// UTF-8 shown as strict Windows-1252: the five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D)
    /// become U+FFFD, lost.
    public static func garbleStrictWindows1252(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let shown = windows1252[Int(byte)]
            out.unicodeScalars.append((0x80...0x9F).contains(shown.value) ? "\u{FFFD}" : shown)
        }
        return out
    }
}
