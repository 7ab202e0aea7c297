import XCTest
import MojifixTestSupport
@testable import MojifixMarkdown

/// The inline scanner's fast paths equal their plain definitions: the 16-byte search for the
/// bytes either phase reacts to, and the plainness test on the source (before any copy).
final class InlineScannerTests: XCTestCase {
    static let reacting = Set(Array("\\`<![]:w@{$".utf8))

    func testNextSpecialIsTheFirstReactingByte() {
        var g = SeededGenerator(seed: 4711)
        for n in 0..<3000 {
            // Mostly text, some reacting bytes, any byte at all now and then, around 16-byte steps.
            let bytes: [UInt8] = (0..<g.next(70)).map { _ in
                switch g.next(10) {
                case 0: return g.pick(Array(Self.reacting))
                case 1: return UInt8(g.next(256))
                default: return g.pick(Array("ab 한\n#*_-Wv;?AZ^|}~".utf8))
                }
            }
            bytes.withUnsafeBufferPointer { t in
                for from in 0...t.count {
                    let to = from + g.next(t.count - from + 1)
                    let want = (from..<to).first { Self.reacting.contains(t[$0]) } ?? to
                    XCTAssertEqual(InlineScanner.nextSpecial(t, from: from, to: to), want, "#\(n) \(bytes) \(from)..<\(to)")
                }
            }
        }
    }

    func testPlainOnTheSourceEqualsPlainOnTheLoadedText() {
        var g = SeededGenerator(seed: 815)
        let pieces = ["plain text ", "한국어 ", "\n", "> ", "  ", "w", ":", "[", "`", "$", "{", "ab", "xyz "]
        let scanner = InlineScanner()
        var plain = 0
        for n in 0..<4000 {
            let bytes = Array((0..<(1 + g.next(30))).map { _ in g.pick(pieces) }.joined().utf8)
            // Segments: increasing, disjoint ranges; opaque zones: sorted, disjoint.
            func ranges(_ count: Int) -> [Range<Int>] {
                var cuts = (0..<(2 * count)).map { _ in g.next(bytes.count + 1) }.sorted()
                cuts = Array(Set(cuts)).sorted()
                if cuts.count % 2 == 1 { cuts.removeLast() }
                return stride(from: 0, to: cuts.count, by: 2).map { cuts[$0]..<cuts[$0 + 1] }
            }
            let segments = ranges(1 + g.next(4))
            let opaque = g.next(3) == 0 ? ranges(1 + g.next(3)) : []
            bytes.withUnsafeBufferPointer { s in
                scanner.load(s, segments: segments, sourceOpaque: opaque)
                let loaded = scanner.isPlain
                // On the source, an opaque zone between segments counts (it never makes a plain block fail to load as one).
                let source = InlineScanner.isPlain(s, segments: segments, sourceOpaque: opaque)
                if source { plain += 1; XCTAssertTrue(loaded, "#\(n) \(segments) \(opaque)") }
                let overlaps = opaque.contains { zone in zone.overlaps((segments.first?.lowerBound ?? 0)..<(segments.last?.upperBound ?? 0)) }
                if !overlaps { XCTAssertEqual(source, loaded, "#\(n) \(segments)") }
            }
        }
        XCTAssertGreaterThan(plain, 400)
    }

    func testOneSegmentReadInPlaceGivesTheZonesOfItsCopy() {
        var g = SeededGenerator(seed: 1207)
        let pieces = ["text ", "`code`", "``", "<a href=\"x\">", "<!-- c -->", "[link](http://x.y/z \"t\")", "[ref]", "![img](p.png)",
                      "\\*", "http://example.com/a", "www.example.com", "a@b.co", "$x$", "$$y$$", "{{ site.url }}", "]", "[", "한글 ", ":"]
        let scanner = InlineScanner()
        var count = 0
        for n in 0..<3000 {
            let bytes = Array((0..<(1 + g.next(16))).map { _ in g.pick(pieces) }.joined().utf8)
            let a = g.next(bytes.count), b = a + 1 + g.next(bytes.count - a)
            let opaque: [Range<Int>] = g.next(3) == 0 ? [g.next(bytes.count)..<bytes.count] : []
            bytes.withUnsafeBufferPointer { s in
                func zones(inPlace: Bool) -> [MarkdownStructure.Zone] {
                    var zones: [MarkdownStructure.Zone] = []
                    scanner.load(s, segments: [a..<b], sourceOpaque: opaque, inPlace: inPlace)
                    scanner.scan()
                    scanner.emit(into: &zones)
                    return zones
                }
                let want = zones(inPlace: false), got = zones(inPlace: true)
                count += want.count
                let what = "#\(n) \(a)..<\(b) \(String(decoding: bytes, as: UTF8.self).debugDescription)"
                XCTAssertEqual(got.map(\.range), want.map(\.range), what)
                XCTAssertEqual(got.map(\.kind), want.map(\.kind), what)
            }
        }
        XCTAssertGreaterThan(count, 1000)
    }
}
