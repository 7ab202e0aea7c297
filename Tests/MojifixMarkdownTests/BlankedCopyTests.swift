import XCTest
import MojifixTestSupport
@testable import MojifixMarkdown

/// `BlankedCopy`: any range of it equals that range of the whole copy made the plain way (every
/// blanking range in turn, then every filling range), for unsorted, overlapping, empty ranges.
final class BlankedCopyTests: XCTestCase {
    func testRangesEqualThoseOfTheWholeCopy() {
        var g = SeededGenerator(seed: 2026)
        let pieces = ["a", "한", "\n", "\r\n", "\r", " ", "$$", "{%", "x"]
        for n in 0..<2000 {
            let bytes = Array((0..<g.next(40)).map { _ in g.pick(pieces) }.joined().utf8)
            func ranges() -> [Range<Int>] {
                (0..<g.next(5)).map { _ in
                    let a = g.next(bytes.count + 1)
                    return a..<min(bytes.count, a + g.next(12))
                }
            }
            let blanking = ranges(), filling = ranges()
            var want = bytes
            for range in blanking { for k in range where want[k] != 0x0A && want[k] != 0x0D { want[k] = 0x20 } }
            for range in filling { for k in range { want[k] = 0x78 } }
            bytes.withUnsafeBufferPointer { s in
                let copy = BlankedCopy(s, blanking: blanking, filling: filling)
                XCTAssertEqual(copy.whole(), want, "#\(n)")
                for _ in 0..<5 {
                    let a = g.next(bytes.count + 1), b = a + g.next(bytes.count - a + 1)
                    XCTAssertEqual(copy.bytes(a..<b), Array(want[a..<b]), "#\(n) \(a)..<\(b) \(blanking) \(filling)")
                }
            }
        }
    }
}
