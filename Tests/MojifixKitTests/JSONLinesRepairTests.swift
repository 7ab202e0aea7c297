import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import MojifixKit
import MojifixWorkspace
import MojifixTestSupport

/// `repair --jsonl` in-process: the field repaired, every other byte and line kept in order, a
/// line that is not an object passed through with a note.
final class JSONLinesRepairTests: XCTestCase {
    func run(_ input: String, field: String = "text") throws -> (output: [UInt8], notes: [String], outcome: JSONLinesRepair.Outcome) {
        let folder = try KitFixtures.folder(for: self)
        let file = folder.appendingPathComponent("in.jsonl")
        try Data(input.utf8).write(to: file)
        let fd = open(file.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var output: [UInt8] = [], notes: [String] = []
        let outcome = try JSONLinesRepair(field: JSONLineField(path: field), maxLineBytes: 1 << 20)
            .run(fd: fd, write: { output += $0; return true }, note: { notes.append($0) })
        return (output, notes, outcome)
    }

    func testRepairsTheFieldAndKeepsEveryOtherByte() throws {
        let garbled = Garbling.garble("안녕하세요, 세계", macRoman: false)
        let input = "{\"id\": 1, \"text\": \"\(garbled)\", \"other\": \"\(garbled)\"}\nnot json\n\n{\"meta\": {\"body\": \"\(garbled)\"}}"
        let (output, notes, outcome) = try run(input)
        let expected = "{\"id\": 1, \"text\": \"안녕하세요, 세계\", \"other\": \"\(garbled)\"}\nnot json\n\n{\"meta\": {\"body\": \"\(garbled)\"}}"
        XCTAssertEqual(output, Array(expected.utf8))
        XCTAssertEqual(notes.count, 1, "\(notes)")
        XCTAssertTrue(notes[0].hasPrefix("mojifix: line 2: "), notes[0])
        guard case .finished(passedThrough: 1) = outcome else { return XCTFail("\(outcome)") }

        let nested = try run(input, field: "meta.body")
        XCTAssertTrue(nested.output.reversed().starts(with: Array("{\"meta\": {\"body\": \"안녕하세요, 세계\"}}".utf8).reversed()))
    }
}
