import XCTest
@testable import MojifixMarkdown

/// `IncrementalStructure`: whenever it updates a structure after edits, the result is exactly the
/// full parse of the edited document (lines, kinds, zones, headings, list items, front matter,
/// labels), on corpus documents, generated ones and seeded mutations, under seeded edits that
/// insert, replace and delete every construct the quick-path tests use; and the normaliser gives
/// the same bytes, findings and anchors with and without the updates.
final class IncrementalStructureTests: XCTestCase {
    typealias Generator = NormalizerPropertyTests.Generator

    private static let snippets = QuickStructureTests.lines.map { $0 + "\n" } + QuickStructureTests.fragments
        + ["", "", "a", " ", "\n", "\n\n", "# ", "word ", "한국어 "]

    /// One to four sorted, disjoint edits on scalar boundaries.
    private static func edits(_ bytes: [UInt8], _ g: inout Generator) -> [TextEdit] {
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        var result: [TextEdit] = []
        var floor = 0
        for _ in 0..<(1 + g.next(4)) {
            let candidates = boundaries.filter { $0 >= floor }
            guard !candidates.isEmpty else { break }
            let start = g.pick(candidates)
            var end = start
            for _ in 0..<g.next(4) where end < bytes.count {
                end += 1
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            }
            result.append(TextEdit(range: start..<end, replacement: Array(g.pick(snippets).utf8), message: ""))
            floor = end + 1
        }
        return result
    }

    func testUpdatesEqualTheFullParse() {
        var g = Generator(seed: 20)
        var updated = 0, tried = 0
        for (n, bytes) in QuickStructureTests.documents(count: 700, seed: 12).enumerated() {
            let old = MarkdownStructure(parsing: bytes)
            for _ in 0..<3 {
                let edits = Self.edits(bytes, &g)
                guard !edits.isEmpty else { continue }
                tried += 1
                let new = Normalizer.apply(edits, to: bytes)
                guard let incremental = IncrementalStructure.update(old, from: bytes, edits: edits, to: new) else { continue }
                updated += 1
                let full = MarkdownStructure(parsing: new)
                let what = "#\(n) \(edits.map { "\($0.range) \(String(decoding: $0.replacement, as: UTF8.self).debugDescription)" }) in \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)"
                assertSameStructure(incremental, full, what)
                XCTAssertFalse(incremental.isQuick)
            }
        }
        // The comparison means something only if many edits are updated rather than refused.
        XCTAssertGreaterThan(updated, tried / 20, "updated \(updated) of \(tried)")
    }

    func testNormaliserGivesTheSameResultWithAndWithoutUpdates() {
        let documents = QuickStructureTests.documents(count: 300, seed: 9)
        for options in QuickStructureTests.optionSets.prefix(2) {
            var full = Normalizer(options: options)
            full.usesIncrementalStructure = false
            let incremental = Normalizer(options: options)
            for (n, bytes) in documents.enumerated() {
                QuickStructureTests.assertSame(incremental.normalize(bytes), full.normalize(bytes),
                                               "#\(n): \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
    }

    /// An HTML block whose end cmark looks for in the rest of the document (`<textarea>` …
    /// `</textarea>`, here across blank lines) makes a window depend on bytes after it: such a
    /// window is never updated, and the whitespace inside the block stays (it was stripped after
    /// the heading's spacing was fixed).
    func testAnHTMLBlockEndedFarAwayIsNeverUpdatedInAWindow() {
        var full = Normalizer()
        full.usesIncrementalStructure = false
        for opener in ["<textarea>", "<pre>", "<SCRIPT>", "<style>", "<!--", "<?php"] {
            let closer = ["<textarea>": "</textarea>", "<pre>": "</pre>", "<SCRIPT>": "</script>", "<style>": "</style>",
                          "<!--": "-->", "<?php": "?>"][opener]!
            let bytes = Array("# H\nx\n\n\(opener)\n    \ny  \n\nP\n\(closer)\n".utf8)
            QuickStructureTests.assertSame(Normalizer().normalize(bytes), full.normalize(bytes), opener)
        }
    }

    /// One round of the rules' own edits on `document`, merged as the normaliser merges them.
    private static func round(_ document: MarkdownDocument, _ options: NormalizeOptions) -> [TextEdit] {
        var edits: [TextEdit] = []
        var taken = TakenRanges()
        for rule in RuleRegistry.rules where rule.kind != .report && options.enabledRules.contains(rule.name) {
            let proposed = rule.init().apply(to: document, options: options).edits
            for edit in Normalizer.admissible(proposed, in: document, rule: rule) where taken.take(edit.range) { edits.append(edit) }
        }
        return edits.sorted { $0.range.lowerBound < $1.range.lowerBound || ($0.range.lowerBound == $1.range.lowerBound && $0.range.isEmpty) }
    }

    /// The edits rules really make (blank lines around headings, heading lines rewritten, blank
    /// lines collapsed, trailing spaces, line ends ...), round after round, on every option set
    /// and flavour: each update equals the full parse, and most rounds are updated.
    func testUpdatesAfterRuleEditsEqualTheFullParse() {
        var updated = 0, tried = 0
        let documents = QuickStructureTests.documents(count: 400, seed: 33)
        var optionSets = QuickStructureTests.optionSets
        var kramdown = NormalizeOptions()
        kramdown.flavor = .kramdown
        optionSets.append(kramdown)
        for (o, options) in optionSets.enumerated() {
            for (n, bytes) in documents.enumerated() where (n + o) % 2 == 0 {
                var document = MarkdownDocument(bytes)
                for _ in 0..<3 {
                    let edits = Self.round(document, options)
                    guard !edits.isEmpty else { break }
                    tried += 1
                    let new = Normalizer.apply(edits, to: document.bytes)
                    let full = MarkdownStructure(parsing: new)
                    if let incremental = IncrementalStructure.update(document.structure, from: document.bytes, edits: edits, to: new) {
                        updated += 1
                        assertSameStructure(incremental, full, "options #\(o), document #\(n): \(String(decoding: document.bytes.prefix(400), as: UTF8.self).debugDescription)")
                    }
                    document = MarkdownDocument(new, structure: full)
                }
            }
        }
        XCTAssertGreaterThan(updated, tried / 3, "updated \(updated) of \(tried)")
    }

    /// Blank lines put around top-level headings and blank lines collapsed need no parse at all;
    /// a rewritten heading line is parsed on its own (heading lines and the lines after them are cuts).
    func testHeadingEditsAreUpdatedAroundTheHeading() {
        let text = "intro line\n# Title ##\nbody\n\n\n\nmore body\n- item\n\n## Next\ntext after\n"
        let bytes = Array(text.utf8)
        let old = MarkdownStructure(parsing: bytes)
        func offset(_ s: String) -> Int {
            let needle = Array(s.utf8)
            return bytes.indices.first { bytes[$0...].starts(with: needle) }!
        }
        let title = offset("# Title"), body = offset("body"), more = offset("\n\nmore") + 2, next = offset("## Next"), after = offset("text after")
        let edits = [
            TextEdit(range: title..<title, replacement: [0x0A], message: ""),
            TextEdit(range: (title + 7)..<(title + 10), replacement: [], message: ""),
            TextEdit(range: body..<body, replacement: [0x0A], message: ""),
            TextEdit(range: (more - 2)..<more, replacement: [], message: ""),
            TextEdit(range: next..<next, replacement: [0x0A], message: ""),
            TextEdit(range: after..<after, replacement: [0x0A], message: ""),
        ]
        let new = Normalizer.apply(edits, to: bytes)
        assertBytes(new, "intro line\n\n# Title\n\nbody\n\nmore body\n- item\n\n\n## Next\n\ntext after\n")
        guard let incremental = IncrementalStructure.update(old, from: bytes, edits: edits, to: new) else {
            return XCTFail("not updated")
        }
        assertSameStructure(incremental, MarkdownStructure(parsing: new), "heading edits")
    }

    /// A heading indented by four columns is inside a footnote definition, whose next lines are
    /// still in it: neither that heading nor the line after it is a cut.
    func testHeadingInAFootnoteIsNoCut() {
        let text = "Text [^1].\n\n[^1]: note\n\n    # heading\n    more footnote text\n\nafter\n"
        let bytes = Array(text.utf8)
        let at = bytes.indices.first { bytes[$0...].starts(with: Array("more".utf8)) }!
        let edits = [TextEdit(range: at..<(at + 4), replacement: Array("less".utf8), message: "")]
        let new = Normalizer.apply(edits, to: bytes)
        if let incremental = IncrementalStructure.update(MarkdownStructure(parsing: bytes), from: bytes, edits: edits, to: new) {
            assertSameStructure(incremental, MarkdownStructure(parsing: new), "footnote")
        }
    }

    /// The window safety test, which steps over the bytes it does not react to 16 at a time,
    /// equals its byte-by-byte definition on seeded slices holding every construct it refuses.
    func testSafetyScanEqualsTheByteLoop() {
        func byteLoop(_ bytes: ArraySlice<UInt8>) -> Bool {
            var previous: UInt8 = 0, run = 0
            var found: [Int: Int] = [:]
            for (k, b) in zip(bytes.indices, bytes) {
                switch b {
                case 0x7B: return false
                case 0x24 where previous == 0x24: return false
                case 0x3A where previous == 0x5D: return false
                case 0x3C:
                    guard let marker = IncrementalStructure.htmlBlockEnd(after: bytes[(k + 1)...]) else { break }
                    let from = max(k + 1, found[marker] ?? k + 1)
                    guard let at = IncrementalStructure.find(IncrementalStructure.endMarkers[marker], in: bytes, from: from) else { return false }
                    found[marker] = at
                default: break
                }
                run = (b == 0x60 || b == 0x7E) && b == previous ? run + 1 : 1
                if run >= 3 { return false }
                previous = b
            }
            return true
        }
        var g = NormalizerPropertyTests.Generator(seed: 3131)
        let pieces = ["text ", "한글 ", "\n", "`", "``", "~", "~~", "$", "{", "]", ":", "<", "<pre>", "</pre>", "<!-- c", "-->", "<?x", "?>",
                      "<![CDATA[", "]]>", "<!D", ">", "<script", "</SCRIPT>", "<style>", "<textarea>", "</textarea>", "a"]
        var safe = 0
        for n in 0..<5000 {
            let bytes = Array((0..<g.next(24)).map { _ in g.pick(pieces) }.joined().utf8)
            let a = g.next(bytes.count + 1), b = a + g.next(bytes.count - a + 1)
            let want = byteLoop(bytes[a..<b])
            if want { safe += 1 }
            XCTAssertEqual(IncrementalStructure.isSafe(bytes[a..<b]), want, "#\(n) \(String(decoding: bytes[a..<b], as: UTF8.self).debugDescription)")
        }
        XCTAssertGreaterThan(safe, 500)
        XCTAssertLessThan(safe, 4500)
    }
}
