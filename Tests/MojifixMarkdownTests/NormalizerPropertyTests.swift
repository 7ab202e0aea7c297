import MojifixTestSupport
import XCTest
import MojifixCore
import MojifixMarkdown

/// Seeded properties on generated documents: normalising twice changes nothing more, and no byte
/// of a protected piece (code, URLs, front matter, HTML, math, Liquid) ever changes.
final class NormalizerPropertyTests: XCTestCase {
    static let documents = 1000

    typealias Generator = SeededGenerator

    /// Prose pieces with things the rules change: trailing spaces, NBSP, lost ZWJ, headings.
    static let prose = [
        "자체 진화하는 AI 에이전트   ", "### 🧑💻 개발자 관점", "##\u{A0}주의사항", "#   Title ##", "본문\u{200B}입니다",
        "line with hard break  ", "⚠️ 리스크/한계", "**1. 제목**", "- 항목 하나", "10. 열 번째", "   - 하위 항목",
        "plain English text.", "", "", "cafe\u{301} 정리", "Emoji 👍 182",
    ]
    /// Pieces whose bytes must survive exactly.
    static let protected = [
        "```swift\nlet x = 1   \n#   not a heading  ##\n\u{A0}nbsp\u{200B} 🧑💻\n\n\n\n```",
        "~~~\ncode\t\t\n~~~",
        "`inline  code\u{200B}` and `x`",
        "[link](https://example.com/a__b__c?q=1  \"title\")",
        "<https://example.com/__init__.py>",
        "<div class=\"note\">\n  raw   \n</div>",
        "<!-- comment   \n  more\u{200B} -->",
        "$$\nx^2   \n$$",
        "math $a_1 + b$ inline",
        "{% raw %}\n{{ page.title }}   \n{% endraw %}",
        "{: .class #id}",
    ]

    func document(_ g: inout Generator) -> (text: String, pieces: [String]) {
        var parts: [String] = []
        var pieces: [String] = []
        if g.next(3) == 0 {
            let front = "---\ntitle: \"제목   \"\ntags: [a, b]\n---"
            parts.append(front)
            pieces.append(front)
        }
        for _ in 0..<(3 + g.next(12)) {
            if g.next(3) == 0 {
                let piece = g.pick(Self.protected)
                parts.append("")
                parts.append(piece)
                parts.append("")
                pieces.append(piece)
            } else {
                parts.append(g.pick(Self.prose))
            }
        }
        return (parts.joined(separator: "\n") + (g.next(2) == 0 ? "\n" : ""), pieces)
    }

    func testNormalizingIsIdempotentAndNeverEditsProtectedPieces() {
        var g = Generator(seed: 20261122)
        let normalizer = Normalizer()
        for n in 0..<Self.documents {
            let (text, pieces) = document(&g)
            let once = normalizer.normalize(Array(text.utf8)).output
            let twice = normalizer.normalize(once).output
            XCTAssertTrue(once == twice, "#\(n) not idempotent:\n\(text.debugDescription)")
            for piece in pieces {
                XCTAssertTrue(contains(once, Array(piece.utf8)), "#\(n) protected piece changed: \(piece.debugDescription)\nin \(String(decoding: once, as: UTF8.self).debugDescription)")
            }
        }
    }

    func testRepairThenNormalizeNeverChangesCodeBlocks() throws {
        // The garbled seed post with code blocks added: repair, normalise, code bytes identical.
        var g = Generator(seed: 7)
        let repairer = try Repairer()
        for n in 0..<100 {
            let (text, pieces) = document(&g)
            let repaired = try repairer.repair(Array(text.utf8)).output
            let output = Normalizer().normalize(repaired).output
            for piece in pieces where piece.hasPrefix("```") || piece.hasPrefix("~~~") {
                XCTAssertTrue(contains(output, Array(piece.utf8)), "#\(n): \(piece.debugDescription)")
            }
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
