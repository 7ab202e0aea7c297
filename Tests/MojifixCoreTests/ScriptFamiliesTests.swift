import MojifixICU
import MojifixTestSupport
import XCTest
@testable import MojifixCore

/// `ScriptFamilies` counts what a `Set` of the same families counts, whatever is inserted.
final class ScriptFamiliesTests: XCTestCase {
    func testCountsWhatASetCounts() {
        let scripts = (UInt32(0)..<64).compactMap(ICUScript.init(rawValue:))
        XCTAssertGreaterThan(scripts.count, 10)
        var generator = SeededGenerator(seed: 10)
        for _ in 0..<500 {
            var families = ScriptFamilies()
            var set = Set<ICUScript>()
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let family = ScalarTraits.family(scripts.randomElement(using: &generator)!)
                families.insert(family)
                set.insert(family)
                XCTAssertEqual(families.count, set.count)
            }
        }
    }
}
