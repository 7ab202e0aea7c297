import Foundation
import XCTest
import CMarkGFMShim
import MojifixMarkdown
import MojifixTestSupport

/// Normalising never changes what GitHub's renderer shows: every Markdown fixture of `Corpus/`
/// and a seeded set of generated documents are rendered by cmark-gfm (GFM extensions, raw HTML
/// kept) before and after the default profile, and the two HTML texts must be equal once the
/// documented changes are taken out, and nothing else:
///   - NFC, on the whole text;
///   - the removed invisible characters (U+200B, U+2060, U+FEFF) and U+200D (the restored
///     joiner of emoji sequences) deleted, and a variation selector right after another one;
///   - NBSP and U+3000 read as a space (trailing ones are removed, heading ones become spaces);
///   - a one-line paragraph `#…# text` read as that heading (`##<NBSP>Title` is made one);
///   - outside `<pre>`: each run of whitespace read as one space, and none next to a tag (blank
///     lines, trailing spaces at a paragraph's end, line breaks between blocks).
/// Inside `<pre>` (code blocks) every byte must be equal.
final class RenderedDifferentialTests: XCTestCase {
    let normalizer = Normalizer(options: NormalizeOptions(enabledRules: RuleRegistry.defaultEnabled))

    func testCorpusFixturesRenderTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted() ?? []
        XCTAssertGreaterThanOrEqual(files.count, 20)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(file)))
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }  // garbled seeds: repair's job
            assertSameRendering(bytes, file)
        }
    }

    func testGeneratedDocumentsRenderTheSame() {
        let lines = ["# Title", "## 제목 ##  ", "  ### indented", "text", "한국어 문장", "**굵게**는", "line with two  ",
                     "line with three   ", "tab\t", "path\\ ", "nbsp\u{A0}", "- item", "- \t", "-", "  - nested", "1. one",
                     "   ### in item", "> quote", "> ## quoted heading", "   > indented quote", ">", "```", "\t```",
                     "~~~ python", "    indented code  ", "$$", "$$x = 1$$", "{: .no_toc }", "{% raw %}", "{% endraw %}",
                     "<div markdown=\"1\">", "</div>", "<!-- note -->", "| a | b |", "|---|---|", "Title", "===", "---",
                     "[link](http://x.y \"t\")", "`code  span`", "zw\u{200B}sp", "👨\u{200D}👩", "e\u{301}", "⛔\u{FE0F}\u{FE0F}", "#tag", ""]
        let ends = ["\n", "\n", "\n", "\r\n", "\r"]
        var rng = SeededGenerator(seed: 12)
        let rounds = Int(ProcessInfo.processInfo.environment["RENDER_DIFF_ROUNDS"] ?? "") ?? 400
        for round in 0..<rounds {
            var text = ""
            let end = ends.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...25, using: &rng) { text += lines.randomElement(using: &rng)! + end }
            assertSameRendering(Array(text.utf8), "round \(round): \(text.debugDescription)")
            if testRun?.failureCount ?? 0 > 10 { return }
        }
    }

    private func assertSameRendering(_ input: [UInt8], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let output = normalizer.normalize(input).output
        let before = Self.canonical(Self.render(Self.body(input))), after = Self.canonical(Self.render(Self.body(output)))
        if !before.unicodeScalars.elementsEqual(after.unicodeScalars) {
            let a = Array(before.unicodeScalars), b = Array(after.unicodeScalars)
            let k = zip(a, b).prefix(while: { $0 == $1 }).count
            func around(_ s: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(s[max(0, k - 60)..<min(s.count, k + 60)])) }
            XCTFail("\(context)\nbefore: \(around(a).debugDescription)\nafter:  \(around(b).debugDescription)", file: file, line: line)
        }
    }

    /// Without front matter (`---` to `---` or `...`, `+++` to `+++`; lines end at LF, CRLF or CR), which
    /// the site generator strips before rendering; the normaliser never edits it.
    static func body(_ bytes: [UInt8]) -> [UInt8] {
        var lines: [Range<Int>] = [], start = 0, i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                lines.append(start..<i)
                if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        guard let first = lines.first, bytes[first] == [0x2D, 0x2D, 0x2D] || bytes[first] == [0x2B, 0x2B, 0x2B] else { return bytes }
        // YAML front matter may also end with `...` (Jekyll and the normaliser accept it).
        let closers = bytes[first] == [0x2D, 0x2D, 0x2D] ? [[0x2D, 0x2D, 0x2D], [0x2E, 0x2E, 0x2E]] : [[0x2B, 0x2B, 0x2B] as [UInt8]]
        for (k, line) in lines.enumerated().dropFirst() where closers.contains(where: { bytes[line].elementsEqual($0) }) {
            return Array(bytes[(k + 1 < lines.count ? lines[k + 1].lowerBound : bytes.count)...])
        }
        return bytes
    }

    static func render(_ bytes: [UInt8]) -> String {
        guard let html = bytes.withUnsafeBufferPointer({ mj_render_html($0.baseAddress, $0.count) }) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The comparison form described above.
    static func canonical(_ html: String) -> String {
        let nfc = html.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pending = false  // whitespace seen outside <pre>, written before the next character unless next to a tag
        var inPre = false
        var rest = Substring(nfc).unicodeScalars[...]
        while let c = rest.first {
            if c == "<" {
                if rest.starts(with: "<pre".unicodeScalars) { inPre = true } else if rest.starts(with: "</pre>".unicodeScalars) { inPre = false }
                pending = false
            }
            rest = rest.dropFirst()
            switch c.value {
            case 0x200B, 0x2060, 0xFEFF, 0x200D: continue
            case 0xFE00...0xFE0F where out.last.map({ (0xFE00...0xFE0F).contains($0.value) }) == true: continue
            default: break
            }
            let space = c == " " || c == "\t" || c == "\n" || c == "\r" || c.value == 0xA0 || c.value == 0x3000
            if inPre { out.append(c); continue }
            if space { pending = true; continue }
            if pending && c != "<" && out.last != ">" { out.append(" ") }
            pending = false
            out.append(c)
        }
        return headingsMeantAsSuch(String(out))
    }

    /// `##<NBSP>Title` is made a heading on purpose (`heading-spacing`): a one-line paragraph of
    /// 1-6 `#`, a space (NBSP and U+3000 read as one) and text reads as that heading.
    static func headingsMeantAsSuch(_ html: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "<p>(#{1,6}) ([^<\n]*)</p>")
        var result = html
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).reversed() {
            let ns = html as NSString
            let level = ns.substring(with: match.range(at: 1)).count
            let heading = "<h\(level)>" + ns.substring(with: match.range(at: 2)) + "</h\(level)>"
            result = (result as NSString).replacingCharacters(in: match.range, with: heading)
        }
        return result
    }
}
