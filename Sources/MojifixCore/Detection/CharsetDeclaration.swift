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
        let found = css(head) ?? xml(head) ?? html(head) ?? modeLine(head) ?? vimModelineAtTheEnd(bytes)
        guard let found, (try? TextCodecs.codec(for: Charset.named(String(decoding: bytes[found], as: Unicode.UTF8.self)))) != nil
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

    /// A `<meta>` declares where markup puts it: its line holds nothing before it but other tags
    /// or template tags (`<head>`, `{% block %}`), and no Markdown code fence is open above it.
    /// After words on its line (`예전 웹 페이지는 <meta charset="euc-kr"> 처럼`) or inside a code
    /// block it is text about a declaration, and rewriting it would change what the text says.
    private static func declaresAt(_ tag: Int, in head: [UInt8]) -> Bool {
        let lineStart = head[..<tag].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var depth = 0
        for b in head[lineStart..<tag] {
            switch b {
            case UInt8(ascii: "<"), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ">"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case 0x20, 0x09, 0x0D: break
            default: if depth == 0 { return false }
            }
        }
        var fenced = false
        var i = 0
        while i < lineStart {
            let end = head[i..<lineStart].firstIndex(of: 0x0A) ?? lineStart
            let line = head[i..<end].drop { $0 == 0x20 }
            if line.starts(with: Array("```".utf8)) || line.starts(with: Array("~~~".utf8)) { fenced.toggle() }
            i = end + 1
        }
        return !fenced
    }

    /// `charset=name` inside a `<meta …>` tag.
    private static func html(_ head: [UInt8]) -> Range<Int>? {
        var from = 0
        while let tag = find("<meta", in: head, from: from) {
            let end = head[tag...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let key = find("charset=", in: head, from: tag), key < end, declaresAt(tag, in: head) { return nameRange(head, from: key + 8) }
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
            if let r = vimModeline(line) { return (r.lowerBound + start)..<(r.upperBound + start) }
            start = end + 1
        }
        return nil
    }

    /// A Vim modeline on one of the last five lines of the file, where Vim reads it too.
    private static func vimModelineAtTheEnd(_ bytes: [UInt8]) -> Range<Int>? {
        let tailStart = max(0, bytes.count - window)
        let tail = bytes[tailStart...].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var lines = tail.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines.suffix(5) {
            if let r = vimModeline(Array(line)) {
                let at = tailStart + line.startIndex
                return (r.lowerBound + at)..<(r.upperBound + at)
            }
        }
        return nil
    }

    /// `vim: … fileencoding=name` (or `fenc=`) in one lowercased line.
    private static func vimModeline(_ line: [UInt8]) -> Range<Int>? {
        guard find("vim:", in: line, from: 0) != nil || find("vi:", in: line, from: 0) != nil else { return nil }
        for key in ["fileencoding=", "fenc="] {
            if let k = find(key, in: line, from: 0), let r = nameRange(line, from: k + key.utf8.count) { return r }
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
