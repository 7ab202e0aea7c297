import XCTest
@testable import MojifixCore

/// `ScalarTraits` answers from a table below U+3000 (its C copy once published), in an enum of its own: every answer must be
/// the standard library's general category (the case of the same name), scalar by scalar.
final class ScalarTraitsTests: XCTestCase {
    private static func category(_ s: UInt32) -> Unicode.GeneralCategory? { Unicode.Scalar(s)?.properties.generalCategory }

    func testLetterCaseAndMarkAnswersAreTheGeneralCategories() {
        // Every scalar below the tables' limit and past it, Hangul and Han, the astral planes' edges.
        let scalars = Array(UInt32(0)..<0x3400) + Array(stride(from: UInt32(0x3400), to: 0x11_0000, by: 97)) + [0xAC00, 0xD7A3, 0x1F600, 0xE0020]
        for s in scalars {
            guard let category = Self.category(s) else { continue }  // surrogates
            let letter: Bool
            switch category {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: letter = true
            default: letter = false
            }
            let mark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
            XCTAssertEqual(ScalarTraits.isLetter(s), letter, "U+\(String(s, radix: 16)) letter")
            XCTAssertEqual(ScalarTraits.isUppercase(s), category == .uppercaseLetter, "U+\(String(s, radix: 16)) uppercase")
            XCTAssertEqual(ScalarTraits.isLowercase(s), category == .lowercaseLetter, "U+\(String(s, radix: 16)) lowercase")
            XCTAssertEqual(ScalarTraits.isCombiningMark(s), mark, "U+\(String(s, radix: 16)) mark")
            XCTAssertEqual("\(ScalarTraits.category(s))", "\(category)", "U+\(String(s, radix: 16)) category")
        }
    }
}
