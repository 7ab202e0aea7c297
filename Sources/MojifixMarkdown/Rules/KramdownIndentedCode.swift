/// Lines kramdown may read as an indented code block where CommonMark does not: kramdown's code
/// block starts at a line indented by four columns after a blank line, and goes on over *lazy*
/// lines (any non-blank line after it, whatever its indentation: `- run: latex x.ins` under
/// `    To install:` is code there) and over blank lines followed by another indented line. It
/// does so inside list items too, where CommonMark reads the lines as paragraphs or sub-lists.
/// Whitespace rules leave these lines alone under the kramdown flavour: their spaces are code
/// there. Over-approximated (an indented paragraph of a list item counts too): it only keeps
/// edits out.
enum KramdownIndentedCode {
    /// Per line of `document`: inside such a run.
    static func lines(_ document: MarkdownDocument) -> [Bool] {
        let bytes = document.bytes, lines = document.structure.lines
        var result = [Bool](repeating: false, count: lines.count)
        func isBlank(_ k: Int) -> Bool { bytes[lines[k]].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        func indented(_ k: Int) -> Bool {
            var column = 0
            for b in bytes[lines[k]] {
                if b == 0x20 { column += 1 } else if b == 0x09 { column += 4 - column % 4 } else { break }
                if column >= 4 { return true }
            }
            return false
        }
        var k = 0, afterBlank = true, inRun = false
        while k < lines.count {
            if isBlank(k) {
                // Blank lines stay in the run only when an indented line follows them.
                var next = k
                while next < lines.count && isBlank(next) { next += 1 }
                if inRun && next < lines.count && indented(next) {
                    for j in k..<next { result[j] = true }
                } else {
                    inRun = false
                }
                afterBlank = true
                k = next
                continue
            }
            if !inRun && afterBlank && indented(k) { inRun = true }
            result[k] = inRun
            afterBlank = false
            k += 1
        }
        return result
    }
}
