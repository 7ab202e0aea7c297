import XCTest
import MojifixICU
@testable import MojifixCore

/// The engine's set-up error names every ICU failure in MojifixCore's own terms, so a client
/// (which cannot import MojifixICU) can match on it.
final class MojifixErrorTests: XCTestCase {
    func testEveryICUFailureHasItsPublicCase() {
        XCTAssertEqual(MojifixError(ICUError.unknownCharset("x-none")), .unknownCharset("x-none"))
        XCTAssertEqual(MojifixError(ICUError.illegalInput), .illegalInput)
        XCTAssertEqual(MojifixError(ICUError.failure(-7)), .converterFailure(code: -7))
    }

    func testAConverterICULacksIsNamedByItsCharset() throws {
        // The path `Repairer.init` takes when a table's charset is missing from ICU's data.
        XCTAssertThrowsError(try SingleByteTable(Charset("no-such-charset-x"))) { error in
            XCTAssertEqual(MojifixError(error as! ICUError), .unknownCharset("no-such-charset-x"))
            XCTAssertEqual("\(MojifixError(error as! ICUError))", "ICU does not know the charset \"no-such-charset-x\"")
        }
    }

    func testTheEngineOpensOnThisMachinesICU() throws {
        let repairer: Repairer
        // A typed catch: `error` is a MojifixError here, a type a client can name.
        do { repairer = try Repairer() } catch { return XCTFail("\(error.description)") }
        XCTAssertFalse(try repairer.repair(Array("Itâ€™s a cafÃ© â€” naÃ¯ve".utf8)).plan.isEmpty)
    }

    func testAReplayOnOtherBytesFailsWithAPlanFailure() throws {
        let result = try Repairer().repair(Array("Itâ€™s a cafÃ© â€” naÃ¯ve".utf8))
        XCTAssertThrowsError(try PlanReplayer().replay(result.plan, on: Array("cafe".utf8))) { error in
            XCTAssertNotNil(error as? PlanReplayer.Failure)
        }
    }
}
