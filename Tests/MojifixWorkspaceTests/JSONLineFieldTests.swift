import MojifixTestSupport
import XCTest
import MojifixWorkspace

/// The JSON Lines field codec: finding one string field in a line's bytes, decoding it, and
/// replacing only its literal.
final class JSONLineFieldTests: XCTestCase {
    let text = JSONLineField(path: "text")

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The field's value and the bytes its literal spans in the line.
    private func found(_ line: String, _ field: JSONLineField? = nil, file: StaticString = #filePath, line number: UInt = #line) -> (value: JSONStringValue, literal: [UInt8])? {
        let lineBytes = bytes(line)
        guard case .string(let value) = (field ?? text).lookup(in: lineBytes) else {
            XCTFail("no string field in \(line.debugDescription): \((field ?? text).lookup(in: lineBytes))", file: file, line: number)
            return nil
        }
        return (value, Array(lineBytes[value.range]))
    }

    private func assertInvalid(_ line: String, mentioning words: String? = nil, _ field: JSONLineField? = nil, file: StaticString = #filePath, line number: UInt = #line) {
        guard case .invalid(let reason) = (field ?? text).lookup(in: bytes(line)) else {
            XCTFail("\(line.debugDescription) accepted: \((field ?? text).lookup(in: bytes(line)))", file: file, line: number)
            return
        }
        if let words { XCTAssertTrue(reason.contains(words), "\(line.debugDescription): \(reason)", file: file, line: number) }
    }

    // MARK: Finding the key

    func testTopLevelKeyAfterNestedValuesHoldingTheSameKey() throws {
        let line = #"{"a":{"text":"inner"},"b":[{"text":"in array"},"text"],"c":"text","text":"top","d":{"text":1}}"#
        let (value, literal) = try XCTUnwrap(found(line))
        XCTAssertEqual(value.utf8, bytes("top"))
        XCTAssertEqual(literal, bytes(#""top""#))
    }

    func testKeyOnlyInsideNestedValuesIsMissing() {
        XCTAssertEqual(text.lookup(in: bytes(#"{"a":{"text":"x"},"b":[{"text":"y"}]}"#)), .missing)
        XCTAssertEqual(text.lookup(in: bytes("{}")), .missing)
        XCTAssertEqual(text.lookup(in: bytes(#"{"Text":"x","texts":"y","tex":"z"}"#)), .missing)
    }

    func testEscapedKeysAreDecodedBeforeComparing() throws {
        XCTAssertEqual(try XCTUnwrap(found(#"{"t\u0065xt":"v"}"#)).value.utf8, bytes("v"))
        XCTAssertEqual(try XCTUnwrap(found(#"{"text\"":"no","text":"yes"}"#)).value.utf8, bytes("yes"))
        let slash = JSONLineField(path: "a/b")
        XCTAssertEqual(try XCTUnwrap(found(#"{"a\/b":"v"}"#, slash)).value.utf8, bytes("v"))
        let korean = JSONLineField(path: "본문")
        XCTAssertEqual(try XCTUnwrap(found(#"{"\ubcf8\ubb38":"v"}"#, korean)).value.utf8, bytes("v"))
        XCTAssertEqual(try XCTUnwrap(found(#"{"본문":"v"}"#, korean)).value.utf8, bytes("v"))
        // A lone surrogate in a key matches nothing and breaks nothing.
        XCTAssertEqual(text.lookup(in: bytes(#"{"\ud800":"x"}"#)), .missing)
    }

    func testWhitespaceAroundTheColonAndMembers() throws {
        let line = " {\t\"text\" \t:\r \"v\" , \"n\" : [ 1 , { } , [ ] ] } \t"
        let (value, literal) = try XCTUnwrap(found(line))
        XCTAssertEqual(value.utf8, bytes("v"))
        XCTAssertEqual(literal, bytes(#""v""#))
    }

    // MARK: Decoding the value

    func testEscapesAndSurrogatePairsAreDecoded() throws {
        let (value, _) = try XCTUnwrap(found(#"{"text":"\uc77c\uAC04 \ud83d\ude80 \"q\" \\ \/ \b\f\n\r\t \u0041"}"#))
        XCTAssertEqual(value.utf8, bytes("일간 🚀 \"q\" \\ / \u{8}\u{C}\n\r\t A"))
        XCTAssertTrue(value.asciiEscaped)
    }

    /// Every hex digit in either case, and the characters just outside the digit ranges refused.
    func testHexDigitsOfEitherCaseAndNothingElse() throws {
        let (value, _) = try XCTUnwrap(found(#"{"text":"\u0123\u4567\u89ab\ucdef\uABCD\uEF00"}"#))
        XCTAssertEqual(value.utf8, bytes("\u{0123}\u{4567}\u{89AB}\u{CDEF}\u{ABCD}\u{EF00}"))
        for digit in ["/", ":", "@", "G", "`", "g", " ", "é"] {
            assertInvalid(#"{"text":"\u00"# + digit + #"0"}"#, mentioning: "four hex digits")
        }
        assertInvalid(#"{"text":"\u00"#, mentioning: "four hex digits")
    }

    func testStyleIsRawWhenAnyNonASCIIIsRaw() throws {
        XCTAssertFalse(try XCTUnwrap(found(#"{"text":"일간 \u00e9"}"#)).value.asciiEscaped)
        XCTAssertFalse(try XCTUnwrap(found(#"{"text":"plain \u0041 ascii"}"#)).value.asciiEscaped)
        XCTAssertTrue(try XCTUnwrap(found(#"{"text":"caf\u00e9"}"#)).value.asciiEscaped)
    }

    /// Strings are scanned eight bytes at a time where no byte stops them: a quote, an escape, a
    /// control character, invalid UTF-8 or raw non-ASCII at any offset is still found, in the field
    /// and in a value before it.
    func testEveryOffsetOfEveryStopIsFound() throws {
        for offset in 0..<20 {
            let head = String(repeating: "a", count: offset), tail = String(repeating: "b", count: 19 - offset)
            let escaped = try XCTUnwrap(found(#"{"skip":"\#(head)\"\#(tail)","text":"\#(head)\n\"\u00e9\#(tail)"}"#))
            XCTAssertEqual(escaped.value.utf8, bytes(head + "\n\"é" + tail))
            XCTAssertTrue(escaped.value.asciiEscaped)
            let raw = try XCTUnwrap(found(#"{"text":"\#(head)é\#(tail)"}"#))
            XCTAssertEqual(raw.value.utf8, bytes(head + "é" + tail))
            XCTAssertFalse(raw.value.asciiEscaped)
            XCTAssertEqual(raw.literal, bytes(#""\#(head)é\#(tail)""#))
            assertInvalid("{\"text\":\"\(head)\t\(tail)\"}", mentioning: "control character")
            assertInvalid("{\"skip\":\"\(head)\u{1}\(tail)\",\"text\":\"x\"}", mentioning: "control character")
            let bad = bytes(#"{"text":"\#(head)"#) + [0xE9] + bytes(#"\#(tail)"}"#)
            guard case .invalid(let reason) = text.lookup(in: bad) else { return XCTFail("accepted invalid UTF-8 at \(offset)") }
            XCTAssertTrue(reason.contains("UTF-8"), reason)
            assertInvalid(#"{"text":"\#(head)\#(tail)"#, mentioning: "'\"'")
        }
    }

    func testLoneSurrogatesInTheFieldAreRefused() {
        for value in [#"\ud800"#, #"\udc00"#, #"a\ud83d b"#, #"\ud83d\u0041"#, #"\ude80\ud83d"#] {
            assertInvalid(#"{"text":"\#(value)"}"#, mentioning: "lone surrogate")
        }
        // Elsewhere in the line they are valid JSON and none of our business.
        XCTAssertNotNil(found(#"{"other":"\ud800","text":"ok"}"#))
    }

    func testInvalidUTF8InTheFieldIsRefusedElsewhereKept() {
        var line = bytes(#"{"text":"caf"#) + [0xE9] + bytes(#""}"#)
        guard case .invalid(let reason) = text.lookup(in: line) else { return XCTFail("accepted invalid UTF-8") }
        XCTAssertTrue(reason.contains("UTF-8"), reason)
        line = bytes(#"{"other":"caf"#) + [0xE9] + bytes(#"","text":"ok"}"#)
        guard case .string(let value) = text.lookup(in: line) else { return XCTFail("lost the field") }
        XCTAssertEqual(value.utf8, bytes("ok"))
    }

    func testNonStringFieldsAreNotStrings() {
        for value in ["5", "-0.5e+10", "null", "true", "false", "{\"text\":\"x\"}", "[\"x\"]", "{}", "[]"] {
            XCTAssertEqual(text.lookup(in: bytes(#"{"text":\#(value),"n":1}"#)), .notString, value)
        }
    }

    // MARK: Invalid lines

    func testInvalidJSONIsReported() {
        let lines = [
            "", "   ", "{", #"{"text":"a""#, #"{"text":"a",}"#, #"{"text" "a"}"#, "{\"text\":'a'}",
            #"{"text":"a"} x"#, #"{"text":"a"}{}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":1e}"#, #"{"a":+1}"#,
            #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"text":"\u12G4"}"#, #"{"a":[1,]}"#,
            #"{"a":[1 2]}"#, #"{"a":{"b":1]}"#, #"{"a":[1}"#, "{\"a\":\"tab\there\"}", "{\"text\":\"nl\u{0}\"}",
            #"{a:1}"#, #"{"a":1,,"b":2}"#, #"{,}"#, "\u{FEFF}{}", "{\"a\":1}\u{0}",
        ]
        for line in lines { assertInvalid(line) }
    }

    func testNotAnObjectIsReportedAsSuch() {
        for line in ["[1,2]", #""text""#, "42", "null"] { assertInvalid(line, mentioning: "not a JSON object") }
    }

    func testErrorsSayWhere() {
        assertInvalid(#"{"text" "a"}"#, mentioning: "':' at byte 9")
        assertInvalid(#"{"text":"a""#, mentioning: "line ends")
    }

    func testDeepNestingIsSkippedWithoutRecursion() throws {
        let depth = 50_000
        let line = #"{"deep":"# + String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth) + #","text":"x"}"#
        XCTAssertEqual(try XCTUnwrap(found(line)).value.utf8, bytes("x"))
        assertInvalid(#"{"deep":"# + String(repeating: "[", count: depth) + #"}"#)
    }

    // MARK: Duplicate keys

    /// Parsers disagree on which copy of a repeated key wins, so the line is refused.
    func testDuplicateFieldIsInvalid() {
        assertInvalid(#"{"text":"a","text":"b"}"#, mentioning: "duplicate key \"text\"")
        assertInvalid(#"{"text":"a","t\u0065xt":1}"#, mentioning: "duplicate key")
        assertInvalid(#"{"meta":{"body":"a"},"meta":{}}"#, mentioning: "duplicate key \"meta\"", JSONLineField(path: "meta.body"))
    }

    func testDuplicatesOffThePathAreFine() throws {
        XCTAssertNotNil(found(#"{"a":1,"a":2,"x":{"text":1,"text":2},"text":"ok"}"#))
    }

    // MARK: Dotted paths

    func testDottedPathReachesIntoNestedObjects() throws {
        let body = JSONLineField(path: "meta.body")
        let (value, literal) = try XCTUnwrap(found(#"{"body":"top","meta":{"id":1,"body":"in","x":{"body":"deeper"}}}"#, body))
        XCTAssertEqual(value.utf8, bytes("in"))
        XCTAssertEqual(literal, bytes(#""in""#))
        XCTAssertEqual(body.lookup(in: bytes(#"{"meta":"body"}"#)), .missing)
        XCTAssertEqual(body.lookup(in: bytes(#"{"meta":[{"body":"x"}]}"#)), .missing)
        XCTAssertEqual(body.lookup(in: bytes(#"{"meta":{"body":{}}}"#)), .notString)
        XCTAssertEqual(body.lookup(in: bytes(#"{"meta.body":"x"}"#)), .missing)
    }

    // MARK: CRLF and replacing

    func testCRLineEndIsWhitespaceAndKept() throws {
        let line = bytes("{\"text\":\"a\",\"n\":1}\r")
        guard case .string(let value) = text.lookup(in: line) else { return XCTFail("CR broke the line") }
        XCTAssertEqual(replaced(line, value, with: "b"), bytes("{\"text\":\"b\",\"n\":1}\r"))
    }

    private func replaced(_ line: [UInt8], _ value: JSONStringValue, with new: String) -> [UInt8] {
        var out: [UInt8] = []
        line.withUnsafeBufferPointer { JSONLineField.replacing(value, with: Array(new.utf8), in: $0, to: &out) }
        return out
    }

    func testReplacingTouchesOnlyTheLiteralAndKeepsItsStyle() throws {
        let raw = bytes(#"{ "id" : 7 , "text" : "old" , "x" : "é\u00e9" }"#)
        guard case .string(let rawValue) = text.lookup(in: raw) else { return XCTFail("not found") }
        XCTAssertEqual(replaced(raw, rawValue, with: "일 \"\\\n\u{1}🚀"),
                       bytes(#"{ "id" : 7 , "text" : "일 \"\\\n\u0001🚀" , "x" : "é\u00e9" }"#))
        let escaped = bytes(#"{"text":"caf\u00e9","x":"é"}"#)
        guard case .string(let escapedValue) = text.lookup(in: escaped) else { return XCTFail("not found") }
        XCTAssertEqual(replaced(escaped, escapedValue, with: "일간 🚀 é"),
                       bytes(#"{"text":"\uc77c\uac04 \ud83d\ude80 \u00e9","x":"é"}"#))
    }

    // MARK: JSONText

    func testQuoteOfAStringIsUnchanged() {
        XCTAssertEqual(JSONText.quote("a\"b\\c\n\r\t\u{1}\u{1F}é🚀"), "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001fé🚀\"")
    }

    /// Values longer than the pieces `appendQuoted` writes at a time (4 KB), with characters of
    /// every length across the pieces' ends, come back whole in both styles.
    func testLongValuesRoundTripAcrossPieces() throws {
        var rng = SeededGenerator(seed: 1205)
        let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{1}", "é", "일", "🚀", "\u{FFFD}"]
        for _ in 0..<20 {
            var s = ""
            for _ in 0..<(2000 + Int(rng.next() % 8000)) { s.unicodeScalars.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            for asciiOnly in [false, true] {
                var line = bytes(#"{"text":"#)
                JSONText.appendQuoted(bytes(s), asciiOnly: asciiOnly, to: &line)
                line += bytes("}")
                if asciiOnly { XCTAssertTrue(line.allSatisfy { $0 < 0x80 }) }
                guard case .string(let value) = text.lookup(in: line) else { return XCTFail("lost a value of \(s.utf8.count) bytes") }
                XCTAssertEqual(value.utf8, bytes(s))
                let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                XCTAssertEqual((parsed?["text"] as? String).map { Array($0.utf8) }, bytes(s))
            }
        }
    }

    /// Seeded round trip: whatever is quoted (both styles) comes back through the lookup, and
    /// Foundation's parser reads the same text.
    func testQuotedValuesRoundTrip() throws {
        var rng = SeededGenerator(seed: 2026)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é",
                                      "\u{80}", "ÿ", "일", "\u{FFFD}", "\u{FEFF}", "\u{D7FF}", "\u{E000}", "🚀", "\u{10FFFF}", "\u{1F9D1}"]
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int(rng.next() % 12) { s.unicodeScalars.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            for asciiOnly in [false, true] {
                var line = bytes(#"{"a":[1,"text"],"text":"#)
                JSONText.appendQuoted(bytes(s), asciiOnly: asciiOnly, to: &line)
                line += bytes(#","z":null}"#)
                if asciiOnly { XCTAssertTrue(line.allSatisfy { $0 < 0x80 }, s.debugDescription) }
                guard case .string(let value) = text.lookup(in: line) else { return XCTFail("lost \(s.debugDescription)") }
                XCTAssertEqual(value.utf8, bytes(s), s.debugDescription)
                XCTAssertEqual(value.asciiEscaped, asciiOnly && s.unicodeScalars.contains { $0.value >= 0x80 }, s.debugDescription)
                // corelibs Foundation drops U+FEFF anywhere in a string: no oracle for those.
                guard !s.unicodeScalars.contains("\u{FEFF}") else { continue }
                let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                XCTAssertEqual((parsed?["text"] as? String).map { Array($0.utf8) }, bytes(s), s.debugDescription)
            }
        }
    }
}

