import XCTest
@testable import MojifixCore

/// `garbled` repairs to `clean` (compared as bytes), and the plan's inverse gives `garbled` back
/// byte for byte.
func assertRepairsAndInverts(_ garbled: String, to clean: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let input = Array(garbled.utf8)
    let result = try Repairer().repair(input)
    XCTAssertEqual(result.output, Array(clean.utf8), garbled, file: file, line: line)
    XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input, garbled, file: file, line: line)
}

/// `text` comes back byte for byte.
func assertLeftAsWritten(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertEqual(try Repairer().repair(Array(text.utf8)).output, Array(text.utf8), text, file: file, line: line)
}

/// `text` written in `charset` through the table the detector reads it with (a legacy file).
func legacyBytes(_ text: String, in charset: String) throws -> [UInt8] {
    try TextCodecs.codec(for: Charset(charset)).encode(Array(text.utf8))
}
