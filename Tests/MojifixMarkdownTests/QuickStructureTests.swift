import Foundation
import XCTest
@testable import MojifixMarkdown

/// The quick path against the full one. `QuickStructure` must give exactly `StructureBuilder`'s
/// lines, line kinds, headings and front matter whenever it gives a structure at all, and the
/// normaliser must give the same bytes, findings and anchors with it as without it, on corpus
/// documents, their normalised forms, slices, generated documents and seeded mutations of all of
/// these (trailing blanks, CR, NBSP, emoji pairs, `#Heading`, blank-line runs, and every block
/// construct the line scan has to refuse).
final class QuickStructureTests: XCTestCase {
    typealias Generator = NormalizerPropertyTests.Generator

    /// The Markdown golden files and the clean posts, by name.
    static let named: [(name: String, bytes: [UInt8])] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var documents: [(String, [UInt8])] = []
        for folder in ["Corpus/markdown", "Corpus/clean"] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                if let data = try? Data(contentsOf: url.appendingPathComponent(name)) { documents.append((folder + "/" + name, [UInt8](data))) }
            }
        }
        return documents
    }()
    static let corpus = named.map(\.bytes)

    /// Lines and fragments that exercise both paths: what the rules fix and report, and every
    /// construct the line scan must either read like cmark or refuse.
    static let lines = [
        "```", "```python", "~~~", "````", "``` a`b", "  ```", "    indented code", "\tcode after a tab", "        deep",
        "| a | b |", "|---|---|", "--- | ---", ":--", "a | b", "===", "---", "- - -", "***", "___", "=", "-", "---\t",
        "<div>", "</div>", "<!-- c -->", "$$", "$$ x $$", "{% raw %}", "{% endraw %}", "{% highlight ruby %}",
        "{% endhighlight %}", "{: .notice}", "{::comment}", "{:/comment}", "{{ page.title }}", "> quote", "> # quoted",
        ">     code in a quote", "- item", "  - sub", "   - sub3", "    - sub4", "1. one", "10. ten", "-     code in an item",
        "- # heading in an item", "-\t# tab marker", "* star", "+ plus", "1) paren", "2025. 3. 4.", "  # indented heading",
        "# Heading", "## Heading ##", "### 📌 한 줄 요약", "#태그 줄", "#", "####### seven", "#\tTab", "[ref]: https://example.com",
        "[^1]: note", "Title", "---\ntitle: x\n---", "+++\ntitle = 'y'\n+++", "**1. 제목**", "\\# escaped", "`code # span`",
        "<https://x.y/__a__>", "[l](http://x \"t\")", "**모델(LLM)**의", "본문 문장입니다.", "plain text.", "hard break  ", "",
    ]
    static let fragments = [
        "   ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{200B}", "\r", "\r\n", "\u{FEFF}", "\u{FFFD}", "\u{202E}", "\u{FE0F}",
        "🧑💻", "👩🔬", "⚠️", "e\u{301}", "\u{1100}\u{1161}", "**(a)**b", "#Heading", "##\u{A0}제목", "\n\n\n", "\n", "\0", "\u{0C}",
    ]

    /// A seeded mutation: lines inserted, fragments put inside or at the end of lines, prefixes
    /// added, lines removed; the final newline kept, dropped or doubled.
    static func mutate(_ document: [UInt8], _ g: inout Generator) -> [UInt8] {
        var lines = document.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<(1 + g.next(3)) {
            let at = g.next(lines.count + 1)
            switch g.next(6) {
            case 0, 1: lines.insert(Array(g.pick(Self.lines).utf8), at: min(at, lines.count))
            case 2 where !lines.isEmpty:
                let k = g.next(lines.count)
                let boundaries = (0...lines[k].count).filter { $0 == lines[k].count || lines[k][$0] & 0xC0 != 0x80 }
                lines[k].insert(contentsOf: Array(g.pick(Self.fragments).utf8), at: g.pick(boundaries))
            case 3 where !lines.isEmpty: lines[g.next(lines.count)] += Array(g.pick(Array(Self.fragments[..<6])).utf8)
            case 4 where !lines.isEmpty: lines[g.next(lines.count)].insert(contentsOf: Array(g.pick(["  ", "    ", "> ", "- ", "1. ", "#", "# "]).utf8), at: 0)
            case 5 where lines.count > 1: lines.remove(at: g.next(lines.count))
            default: break
            }
        }
        var out = Array(lines.joined(separator: [0x0A]))
        switch g.next(5) {
        case 0: while out.last == 0x0A { out.removeLast() }
        case 1: out += [0x0A, 0x0A]
        default: break
        }
        return out
    }

    /// Corpus documents, their normalised forms, slices of them, small generated documents, and
    /// mutations of all of these.
    static func documents(count: Int, seed: UInt64) -> [[UInt8]] {
        var g = Generator(seed: seed)
        let normalizer = Normalizer()
        var bases = corpus + corpus.map { normalizer.normalize($0).output }
        var documents = bases
        while documents.count < count {
            switch g.next(4) {
            case 0:
                let base = g.pick(bases)
                let lines = base.split(separator: 0x0A, omittingEmptySubsequences: false)
                let start = g.next(lines.count)
                let slice = Array(lines[start..<min(lines.count, start + 3 + g.next(25))].joined(separator: [0x0A]))
                documents.append(mutate(slice, &g))
                bases.append(normalizer.normalize(slice).output)
            case 1:
                let text = (0..<(1 + g.next(12))).map { _ in g.pick(Self.lines) }.joined(separator: "\n") + (g.next(3) == 0 ? "" : "\n")
                documents.append(Array(text.utf8))
            default:
                documents.append(mutate(g.pick(bases), &g))
            }
        }
        return documents
    }

    static let optionSets: [NormalizeOptions] = {
        var export = NormalizeOptions(enabledRules: Profile.export.rules)
        export.reportAnchorChanges = true
        let crlf = NormalizeOptions(enabledRules: RuleRegistry.defaultEnabled.union(["vs16-add"]), keepCRLF: true)
        let strip = NormalizeOptions(enabledRules: RuleRegistry.defaultEnabled.union(["vs16-strip", "prose-spaces"]),
                                     stripSecurityCharacters: true)
        return [NormalizeOptions(), export, crlf, strip]
    }()

    /// Two normalisations of one document give the same bytes, findings and anchors.
    static func assertSame(_ a: Normalizer.Result, _ b: Normalizer.Result, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(a.output == b.output, "output differs, \(what)", file: file, line: line)
        XCTAssertEqual(a.findings, b.findings, what, file: file, line: line)
        XCTAssertEqual(a.changed, b.changed, what, file: file, line: line)
        XCTAssertEqual(a.anchorChanges, b.anchorChanges, what, file: file, line: line)
    }

    func testQuickStructureEqualsTheFullParse() {
        var quick = 0
        let documents = Self.documents(count: 1500, seed: 41)
        for (n, bytes) in documents.enumerated() {
            guard let fast = QuickStructure.build(bytes) else { continue }
            quick += 1
            let full = MarkdownStructure(parsing: bytes)
            let what = "#\(n) \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)"
            XCTAssertEqual(fast.lines, full.lines, what)
            XCTAssertEqual(fast.lineKinds, full.lineKinds, what)
            XCTAssertEqual(fast.headings, full.headings, what)
            XCTAssertEqual(fast.frontMatter, full.frontMatter, what)
            XCTAssertEqual(fast.looksLikeHeadingLines, full.looksLikeHeadingLines, what)
            XCTAssertTrue(fast.zones.allSatisfy(full.zones.contains), what)
        }
        // The comparison means something only if the scan accepts many documents.
        XCTAssertGreaterThan(quick, documents.count / 3, "quick structures: \(quick) of \(documents.count)")
    }

    func testNormaliserGivesTheSameResultWithAndWithoutTheQuickPath() {
        let documents = Self.documents(count: 500, seed: 7)
        var quickFinalRounds = 0
        for (k, options) in Self.optionSets.enumerated() {
            var full = Normalizer(options: options)
            full.usesQuickStructure = false
            let quick = Normalizer(options: options)
            // Whole posts (slow in a debug build) under the default and export options only.
            for (n, bytes) in documents.enumerated() where k < 2 || bytes.count < 4096 {
                let a = quick.normalize(bytes), b = full.normalize(bytes)
                Self.assertSame(a, b, "#\(n) \(options.enabledRules.count) rules: \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)")
                if k == 0 && QuickStructure.build(a.output) != nil { quickFinalRounds += 1 }
            }
        }
        // The comparison means something only if the quick path decides many of them.
        XCTAssertGreaterThan(quickFinalRounds, documents.count / 3, "final rounds on the quick structure")
    }

    /// What the fast path is for: documents already normalised (the steady state of a
    /// repository checked on every commit) are read without cmark.
    func testNormalisedSeedPostsTakeTheQuickPath() {
        let posts = Self.named.filter { $0.name.contains("/seed-") || $0.name.hasPrefix("Corpus/clean/") }
        XCTAssertGreaterThanOrEqual(posts.count, 9)
        for (name, bytes) in posts {
            let output = Normalizer().normalize(bytes).output
            XCTAssertTrue(QuickStructure.build(output)?.isQuick == true, "no quick structure for \(name) normalised")
        }
    }

    func testConstructsTheLineScanCannotReadAreRefused() {
        let refused = [
            "a\n---\n", "a\n===\n", "a\n-\n", "a\n---\t\n", "| a |\n|---|\n", "a\n:--|--:\n", "<div>\n# x\n</div>\n",
            "> # quoted\n", "- # in an item\n", "-\t# tab marker\n", "  # indented\n", "# h\n    code\n", "\n    code\n",
            "- a\n\n      code\n", ">      code\n", "-      code\n", "- ```\n  # x\n  ```\n", "```\nopen\n", "``` a`b\n",
            "```\nx\n  ```\n", "$$\n# x\n$$\n", "{% highlight %}\n# x\n{% endhighlight %}\n", "{::comment}\n# x\n{:/}\n",
            "##\u{A0}제목\n", "\u{FEFF}# x\n", "a\rb\n", "a\r", "a\0b\n", "a\u{0C}b\n", "\ta\n",
        ]
        for text in refused {
            XCTAssertNil(QuickStructure.build(Array(text.utf8)), text.debugDescription)
        }
    }

    /// Corner cases of CommonMark block parsing: wherever the scan accepts one, it must agree.
    func testCornerCasesAgreeWithTheFullParse() {
        let cases = [
            "[^1]:\n        code\n", "[^1]: note\n    more\n", "[^1]:    x\n", "[foo]: /url\n    code\n", "[foo]: /url\n===\n",
            "- a\n```\ncode\n```\n", "> a\n```\n# x\n```\n", "````\n```\n````\n", "~~~\n```\n~~~\n# after\n",
            "- a\n    - b\n        c\n", "-\n  foo\n", "1.\n   foo\n", "a\n    b\n    # c\n", "***bold***\n    x\n",
            "   ***\n", "_ _ _\n", "-  -  -\n", "2025. 3. 4.\n", "1234567890. x\n", "-    text\n", "> a\nlazy\n",
            "# a #\n#\n# #\n#### x ####   \n", "#5 not\n", "a\n\\# b\n", "* * *\nx\n", "---\nx\n", "x\n\n---\n",
            "---\ntitle: a\n---\n---\n", "+++\nx = 1\n+++\n# h\n", "```\n\n\n```\n\n\n", "a  \nb\n", "> # x\n",
            "---\r\ntitle: a\r\n---\r\n# h #\r\n\r\n```\r\ncode\r\n```\r\n  \r\ntext  \r\n", "# a\r\n\r\n\r\nb",
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            guard let fast = QuickStructure.build(bytes) else { continue }
            let full = MarkdownStructure(parsing: bytes)
            XCTAssertEqual(fast.lineKinds, full.lineKinds, text.debugDescription)
            XCTAssertEqual(fast.headings, full.headings, text.debugDescription)
            XCTAssertEqual(fast.frontMatter, full.frontMatter, text.debugDescription)
        }
    }

    func testPlainPostsAreRead() {
        let text = "---\ntitle: 제목\n---\n\n# 제목\n\n본문 **굵게**.\n\n- 항목\n   - 하위\n10. 열\n    이어짐\n\n```swift\n# not a heading\n\n```\n\n#태그\n## 끝 ##\n"
        let bytes = Array(text.utf8)
        guard let quick = QuickStructure.build(bytes) else { return XCTFail("refused") }
        let full = MarkdownStructure(parsing: bytes)
        XCTAssertEqual(quick.lineKinds, full.lineKinds)
        XCTAssertEqual(quick.headings, full.headings)
        XCTAssertEqual(quick.headings.map(\.level), [1, 2])
        XCTAssertEqual(quick.lineKinds.filter { $0 == .fencedCode }.count, 4)
        // The same with CRLF line endings (kept by --keep-crlf).
        let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        guard let quickCRLF = QuickStructure.build(crlf) else { return XCTFail("CRLF refused") }
        XCTAssertEqual(quickCRLF.lineKinds, full.lineKinds)
        XCTAssertEqual(quickCRLF.headings, MarkdownStructure(parsing: crlf).headings)
    }
}
