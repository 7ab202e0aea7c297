import XCTest
import MojifixMarkdown

final class LeadingBOMRuleTests: XCTestCase {
    func testRemovesTheLeadingBOMOnly() {
        assertBytes(normalized("\u{FEFF}# Title\n", rules: ["leading-bom"]), "# Title\n")
        assertBytes(normalized("text\n", rules: ["leading-bom"]), "text\n")
    }
}
