/// After a legacy file is transcoded to UTF-8, its own charset declaration (`<meta charset>`,
/// XML `encoding=`, `-*- coding: -*-`, CSS `@charset` ...) would make browsers and editors
/// garble it again: the name is rewritten to UTF-8 as a pass of its own, which keeps the old
/// name so the inverse (and `undo`) restores it.
enum DeclarationRewrite {
    static let utf8Name = Array("UTF-8".utf8)

    /// The text with its declaration saying UTF-8, and the pass that did it; nil when the text
    /// declares nothing or already UTF-8.
    static func pass(_ text: [UInt8]) -> (text: [UInt8], pass: RepairPass)? {
        guard let range = CharsetDeclaration.range(in: text) else { return nil }
        let old = Array(text[range])
        guard Charset.named(String(decoding: old, as: Unicode.UTF8.self)) != .utf8 else { return nil }
        let output = Array(text[..<range.lowerBound]) + utf8Name + Array(text[range.upperBound...])
        let change = RepairChange(inputRange: range, outputRange: range.lowerBound..<(range.lowerBound + utf8Name.count),
                                  steps: [], confidence: 1, lossless: false,
                                  before: String(decoding: old, as: Unicode.UTF8.self), after: "UTF-8",
                                  guesses: ["the file's charset declaration now names UTF-8"], originalBytes: old)
        return (output, RepairPass(kind: .transcode, chain: [], changes: [change]))
    }
}
