import MojifixTestSupport
import XCTest
@testable import MojifixCore

/// `LineJudgements` lets `choose` judge only the lines where a contender reads differently from
/// the leader, and `acceptance` the leader's other lines only when it needs them.
final class LineJudgementsTests: XCTestCase {
    private static func judgement(_ gain: Double) -> ReadingPlausibility.Judgement {
        ReadingPlausibility.Judgement(deltas: [], lineGain: gain, knownLetters: 0, unknownLetters: 0)
    }

    func testEachLineIsJudgedOnceAndSharedLinesTakeTheOthersJudgement() {
        let leader = LineJudgements(groups: 2), contender = LineJudgements(groups: 3)
        contender.share(1, with: leader, 0)
        var calls = 0
        XCTAssertEqual(contender.judgement(1) { calls += 1; return Self.judgement(1.5) }?.lineGain, 1.5)
        // The leader's line is judged now, and neither asks again.
        XCTAssertEqual(leader.judgement(0) { calls += 1; return nil }?.lineGain, 1.5)
        XCTAssertEqual(contender.judgement(1) { calls += 1; return nil }?.lineGain, 1.5)
        XCTAssertEqual(calls, 1)
        // No language fits: nil is a judgement too, kept as such.
        XCTAssertNil(leader.judgement(1) { calls += 1; return nil })
        XCTAssertNil(leader.judgement(1) { calls += 1; return Self.judgement(9) })
        XCTAssertEqual(calls, 2)
    }

    func testRelativeGainsOnlyWhereRoundingStaysFarBelowATenth() {
        XCTAssertTrue(MojibakePass.judgesRelatively(textBytes: 1 << 18, lines: 1 << 16))
        XCTAssertFalse(MojibakePass.judgesRelatively(textBytes: 1 << 30, lines: 1 << 22))
    }

    /// Seeded records of every chain repair exactly alike with every line judged while choosing,
    /// and fewer lines are judged lazily.
    func testJudgingLazilyChangesNoRepair() throws {
        try ReadingBoundTests.assertSameRepairs { $0.mojibakePass.judgesLazily = false }
        let lazy = try Repairer(), eager = try Repairer()
        eager.mojibakePass.judgesLazily = false
        for record in ReadingBoundTests.records() {
            _ = try? lazy.repair(record)
            _ = try? eager.repair(record)
        }
        XCTAssertLessThan(lazy.mojibakePass.linesJudged, eager.mojibakePass.linesJudged)
        XCTAssertGreaterThan(lazy.mojibakePass.linesJudged, 0)
    }
}
