import MojifixText
internal import CMarkGFMShim

/// cmark's tree of a document after some of its bytes were blanked (Liquid, kramdown and math
/// blocks, see `StructureBuilder`), from the tree of the document before: only *windows* of lines
/// around the blanked ranges are parsed again, the rest of the old tree is kept. Nil when that
/// cannot be shown to equal a parse of the whole blanked copy; the builder then parses it whole.
///
/// A window runs from a *cut* to the next cut. A cut is a line that starts a top-level paragraph
/// or heading after a blank line: there cmark has closed every block (a blank line closes
/// paragraphs, and a line that continued a container, code or HTML block would not start a
/// top-level block), so what follows is parsed as at the start of a document, whatever came
/// before. The window's first line and the line before it are unchanged, so the old tree's cut is
/// one in the new copy too. The window is parsed with its closing cut line appended, which must
/// come out as a cut again (blank line before it, top-level paragraph or heading); then the lines
/// after the window, unchanged, are parsed as in the old tree. Block structure is otherwise
/// local in cmark but for footnotes (a definition nothing refers to is dropped): documents with
/// `[^` are parsed whole.
enum WindowedReparse {
    static func tree(old: CMarkTree, source: UnsafeBufferPointer<UInt8>, blanked copy: BlankedCopy, changed: [Range<Int>],
                     table: LineTable) -> CMarkTree? {
        let nodes = old.nodes
        guard !changed.isEmpty, !nodes.isEmpty, table.count > 0, !PlainBlocks.holdsFootnoteMark(source) else { return nil }
        let lines = table.lines
        func start(_ k: Int) -> Int { k < lines.count ? lines[k].lowerBound : copy.count }
        func isBlank(_ k: Int) -> Bool { copy.bytes(lines[k]).withUnsafeBufferPointer { LineTable.isBlank($0, 0..<$0.count) } }
        // Index of the top-level paragraph or heading each line starts in the old tree (-1: none).
        var cutNode = [Int](repeating: -1, count: lines.count + 1)
        for (index, node) in nodes.enumerated() where node.parent == 0 && node.start_line > 0 && Int(node.start_line) <= lines.count
            && (node.mjKind == .paragraph || node.mjKind == .heading) {
            cutNode[Int(node.start_line) - 1] = index
        }
        func isCut(_ k: Int) -> Bool { k == 0 || (k < lines.count && isBlank(k - 1) && cutNode[k] >= 0) }

        // Windows: changed lines inside first...end-1; `first` and `end` cuts, the line before
        // each unchanged (the window's own changed lines lie in first+1 ... end-2).
        var windows: [(first: Int, end: Int)] = []
        let spans = changed.filter { !$0.isEmpty }.map { table.line(containing: $0.lowerBound)...table.line(containing: $0.upperBound - 1) }
            .sorted { $0.lowerBound < $1.lowerBound }
        var covered = 0
        for span in spans {
            let floor = windows.last?.end ?? 0
            if let last = windows.last, span.lowerBound <= last.end {
                guard span.upperBound + 2 > last.end else { continue }
                var end = span.upperBound + 2
                while end < lines.count && !isCut(end) { end += 1 }
                end = min(end, lines.count)
                covered += start(end) - start(last.end)
                windows[windows.count - 1].end = end
            } else {
                var first = max(span.lowerBound - 1, floor)
                while first > floor && !isCut(first) { first -= 1 }
                var end = span.upperBound + 2
                while end < lines.count && !isCut(end) { end += 1 }
                end = min(end, lines.count)
                covered += start(end) - start(first)
                windows.append((first, end))
            }
            // Beyond half the document a whole parse costs as much.
            if 2 * covered > copy.count { return nil }
        }

        var result: [mj_node] = [nodes[0]]
        result.reserveCapacity(nodes.count + 64)
        var next = 1  // the next old node to copy
        for window in windows {
            // `first` is 0 or a cut; so is `end` unless it is the end of the document.
            let firstNode = window.first == 0 ? 1 : cutNode[window.first]
            let endNode = window.end < lines.count ? cutNode[window.end] : nodes.count
            guard firstNode >= next else { return nil }
            append(nodes[next..<firstNode], shift: 0, into: &result)
            let bytes = copy.bytes(start(window.first)..<(window.end < lines.count ? start(window.end + 1) : copy.count))
            let parsed = bytes.withUnsafeBufferPointer { CMarkTree(parsing: $0).nodes }
            guard !parsed.isEmpty else { return nil }
            var keep = parsed.count
            if window.end < lines.count {
                // The appended cut line must start a top-level paragraph or heading again.
                let line = Int32(window.end - window.first + 1)
                guard let k = parsed.indices.first(where: { parsed[$0].parent == 0 && parsed[$0].start_line == line }),
                      parsed[k].mjKind == .paragraph || parsed[k].mjKind == .heading,
                      !parsed[1..<k].contains(where: { $0.start_line > line || $0.correctedEndLine >= line }) else { return nil }
                keep = k
            }
            append(parsed[1..<keep], shift: Int32(window.first), into: &result)
            if window.end == lines.count {
                // The document's own end is where this window's is.
                result[0].end_line = parsed[0].end_line + Int32(window.first)
                result[0].end_column = parsed[0].end_column
            }
            next = endNode
        }
        append(nodes[next...], shift: 0, into: &result)
        return CMarkTree(nodes: result)
    }

    /// Appends `slice` (whole top-level subtrees, in pre-order, of a tree whose root is at
    /// index 0) to `result` after its current nodes, lines moved by `shift` (0 stays: unknown).
    private static func append(_ slice: ArraySlice<mj_node>, shift: Int32, into result: inout [mj_node]) {
        let delta = Int32(result.count - slice.startIndex)
        for var node in slice {
            node.parent = node.parent <= 0 ? node.parent : node.parent + delta
            if node.start_line > 0 { node.start_line += shift }
            if node.end_line > 0 { node.end_line += shift }
            result.append(node)
        }
    }
}
