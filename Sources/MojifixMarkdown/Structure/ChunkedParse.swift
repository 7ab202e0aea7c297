import Dispatch
import MojifixText
internal import CMarkGFMShim

/// cmark's tree of a large document parsed as two halves on two threads, when that provably
/// equals the whole parse; nil otherwise (the builder then parses it whole).
///
/// The halves meet at a *cut*: a line at or after the middle that follows a blank line and starts
/// at column 0 with a letter, `#` or a non-ASCII character (as in `WindowedReparse`). The first
/// half is parsed with the cut line appended, which must come out as a top-level paragraph or
/// heading that no earlier block reaches: cmark has then closed every block before it, so the
/// second half, parsed on its own from the cut line, is parsed as in the whole document. Block
/// structure is otherwise local in cmark but for footnotes (a definition nothing refers to is
/// dropped): documents with `[^` are parsed whole.
enum ChunkedParse {
    /// Below this a second thread costs more than it saves.
    static let minimumBytes = 1 << 20

    static func tree(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, minimumBytes: Int = minimumBytes) -> CMarkTree? {
        guard s.count >= minimumBytes, table.count > 2, !WindowedReparse.contains(s, 0x5B, 0x5E) else { return nil }
        var k = max(table.count / 2, 1)
        while k < table.count && !isCut(s, table, k) { k += 1 }
        guard k < table.count else { return nil }
        let split = table.lines[k].lowerBound
        let head = Array(s[0..<split]) + s[table.lines[k]] + [MDByte.lf]
        var halves: [[mj_node]] = [[], []]
        halves.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                (base + half).pointee = half == 0
                    ? head.withUnsafeBufferPointer { CMarkTree(parsing: $0).nodes }
                    : CMarkTree(parsing: UnsafeBufferPointer(rebasing: s[split...])).nodes
            }
        }
        let (first, second) = (halves[0], halves[1])
        // The appended cut line must start a top-level paragraph or heading no earlier block reaches.
        let line = Int32(k + 1)
        guard second.count > 1,
              let cut = first.indices.first(where: { first[$0].parent == 0 && first[$0].start_line == line }),
              first[cut].mjKind == .paragraph || first[cut].mjKind == .heading,
              !first[1..<cut].contains(where: { $0.start_line > line || $0.correctedEndLine >= line }) else { return nil }
        var nodes = Array(first[0..<cut])
        nodes.reserveCapacity(cut + second.count)
        WindowedReparse.append(second[1...], shift: Int32(k), into: &nodes)
        nodes[0].end_line = second[0].end_line + Int32(k)
        nodes[0].end_column = second[0].end_column
        return CMarkTree(nodes: nodes)
    }

    /// Line `k` follows a blank line and starts a paragraph or heading at column 0, whatever came before.
    private static func isCut(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, _ k: Int) -> Bool {
        let line = table.lines[k]
        guard !line.isEmpty, LineTable.isBlank(s, table.lines[k - 1]) else { return false }
        let b = s[line.lowerBound]
        return MDByte.isAlpha(b) || b == MDByte.hash || (b >= 0x80 && b != 0xEF)
    }
}
