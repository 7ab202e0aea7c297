import XCTest
@testable import MojifixMarkdown
import MojifixTestSupport

/// `ScalarRecognisers`: the structure scanner's recognisers called at scalar indexes find what
/// they find at the matching byte offsets (seeded texts mixing Markdown syntax and multi-byte
/// scalars), and the heading text follows CommonMark where the constructs say so.
final class ScalarRecognisersTests: XCTestCase {
    private let alphabet: [Unicode.Scalar] = ["`", "<", ">", "[", "]", "(", ")", "\"", "!", "-", "@", ":", "/", " ",
                                              "a", "h", "p", "한", "é", "😀", "\\", "\n"]

    func testScalarIndexesMapToTheByteRecognisers() {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<400 {
            let scalars = (0..<(1 + generator.next(24))).map { _ in generator.pick(alphabet) }
            let recognisers = ScalarRecognisers(scalars)
            var bytes: [UInt8] = []
            var offsets: [Int] = []
            for scalar in scalars { offsets.append(bytes.count); bytes += Array(String(scalar).utf8) }
            offsets.append(bytes.count)
            let scanner = InlineScanner()
            bytes.withUnsafeBufferPointer { scanner.load($0, segments: [0..<bytes.count], sourceOpaque: []) }
            let context = String(String.UnicodeScalarView(scalars))
            for i in scalars.indices {
                let b = offsets[i]
                scanner.withText { t in
                    XCTAssertEqual(recognisers.autolinkEnd(at: i).map { offsets[$0] }, scanner.angleAutolinkEnd(t, b), context)
                    XCTAssertEqual(recognisers.htmlEnd(at: i).map { offsets[$0] }, scanner.htmlEnd(t, b)?.0, context)
                    if scalars[i] == "(" {
                        XCTAssertEqual(recognisers.inlineLinkTailEnd(at: i).map { offsets[$0] }, scanner.inlineLinkTail(t, b), context)
                    }
                    XCTAssertEqual(recognisers.labelEnd(at: i).map { offsets[$0] }, scanner.labelEnd(t, b), context)
                }
            }
        }
    }

    func testCodeSpanCloserIsTheStartOfTheClosingRun() {
        let scalars = Array("한 ``a`b`` 😀 `x`".unicodeScalars)
        let recognisers = ScalarRecognisers(scalars)
        XCTAssertEqual(recognisers.codeSpanCloser(at: 2, run: 2), 7)
        XCTAssertEqual(recognisers.codeSpanCloser(at: 12, run: 1), 14)
        XCTAssertNil(ScalarRecognisers(Array("`a``".unicodeScalars)).codeSpanCloser(at: 0, run: 1))
    }

    func testHeadingTextFollowsCommonMarkLinks() {
        // A destination followed by an unquoted word is no link in CommonMark: all of it is text.
        XCTAssertEqual(String(String.UnicodeScalarView(HeadingInlineText.reduce("[a](b c) 끝", style: .github).text)), "[a](b c) 끝")
        XCTAssertEqual(String(String.UnicodeScalarView(HeadingInlineText.reduce("[a](b \"c\") 끝", style: .github).text)), "[a] 끝")  // brackets stay: the slug drops them
    }
}
