/// A charset the file declares near its start, in one of the forms tools honour: HTML
/// `<meta charset=…>` / `<meta http-equiv … content="…; charset=…">`, the XML declaration's
/// `encoding="…"`, Emacs `-*- coding: … -*-`, Vim `vim: … fileencoding=…` (or `fenc=`), CSS
/// `@charset "…"` at the very start. Evidence for the detector, never a verdict on its own: the
/// declared reading must still decode strictly, and the name must be a charset mojifix knows.
enum CharsetDeclaration {
    /// How far into the file a declaration counts (HTML requires the first 1024 bytes).
    static let window = 1024

    /// The declared charset's name as written (e.g. "euc-kr"), or nil.
    static func name(in bytes: [UInt8]) -> String? {
        range(in: bytes).map { String(decoding: bytes[$0], as: Unicode.UTF8.self) }
    }

    /// Where the declared name stands in the bytes (ASCII-compatible text).
    static func range(in bytes: [UInt8]) -> Range<Int>? {
        let head = Array(bytes.prefix(window)).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let found = css(head) ?? xml(head) ?? (startsWithMarkup(head) ? html(head) : nil) ?? modeLine(head)
        guard let found, (try? TextCodecs.codec(for: Charset.named(String(decoding: head[found], as: Unicode.UTF8.self)))) != nil
        else { return nil }
        return found
    }

    /// `@charset "name";` as the first bytes.
    private static func css(_ head: [UInt8]) -> Range<Int>? {
        guard head.starts(with: Array("@charset \"".utf8)) else { return nil }
        return nameRange(head, from: 10)
    }

    /// `<?xml … encoding="name" … ?>` at the start.
    private static func xml(_ head: [UInt8]) -> Range<Int>? {
        guard head.starts(with: Array("<?xml".utf8)), let end = find("?>", in: head, from: 0),
              let key = find("encoding=", in: head, from: 0), key < end else { return nil }
        return nameRange(head, from: key + 9)
    }

    /// A `<meta>` declares only in markup: a file that starts (after a byte order mark and
    /// white space) with a tag, a comment or a doctype. In prose or a Markdown code block it is
    /// text about a declaration (`예전 웹 페이지는 <meta charset="euc-kr"> 처럼 선언했고`), and
    /// rewriting it would change what the text says.
    private static func startsWithMarkup(_ head: [UInt8]) -> Bool {
        var i = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        return i < head.count && head[i] == UInt8(ascii: "<")
    }

    /// `charset=name` inside a `<meta …>` tag.
    private static func html(_ head: [UInt8]) -> Range<Int>? {
        var from = 0
        while let tag = find("<meta", in: head, from: from) {
            let end = head[tag...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let key = find("charset=", in: head, from: tag), key < end { return nameRange(head, from: key + 8) }
            from = tag + 1
        }
        return nil
    }

    /// Emacs `-*- coding: name -*-` on one of the first two lines, or Vim `vim: … fileencoding=name`
    /// on one of the first five, where the editors read them (further down it is text about them).
    private static func modeLine(_ head: [UInt8]) -> Range<Int>? {
        var start = 0, number = 0
        while start < head.count && number < 5 {
            number += 1
            let end = head[start...].firstIndex(of: 0x0A) ?? head.count
            let line = Array(head[start..<end])
            if number <= 2, let open = find("-*-", in: line, from: 0), let key = find("coding:", in: line, from: open),
               find("-*-", in: line, from: key) != nil, let r = nameRange(line, from: key + 7) {
                return (r.lowerBound + start)..<(r.upperBound + start)
            }
            if find("vim:", in: line, from: 0) != nil || find("vi:", in: line, from: 0) != nil {
                for key in ["fileencoding=", "fenc="] {
                    if let k = find(key, in: line, from: 0), let r = nameRange(line, from: k + key.utf8.count) {
                        return (r.lowerBound + start)..<(r.upperBound + start)
                    }
                }
            }
            start = end + 1
        }
        return nil
    }

    /// A charset name starting at `i` (after optional quotes and spaces): a letter, then letters,
    /// digits, `-`, `_`, `.`, `:`.
    private static func nameRange(_ head: [UInt8], from i: Int) -> Range<Int>? {
        var i = i
        while i < head.count, head[i] == 0x20 || head[i] == 0x22 || head[i] == 0x27 { i += 1 }
        guard i < head.count, (0x61...0x7A).contains(head[i]) else { return nil }
        let start = i
        while i < head.count, isNameByte(head[i]) { i += 1 }
        return i - start >= 2 ? start..<i : nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }

    private static func find(_ string: String, in haystack: [UInt8], from: Int) -> Int? {
        let needle = Array(string.utf8)
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        for i in from...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
