/// The structure of a document after a round of edits, from the structure before it: only the
/// *windows* of lines around the edits are parsed again (each on its own, with the document's
/// reference labels), the rest is shifted. Nil when that cannot be shown to equal a full parse;
/// the normaliser then parses in full.
///
/// A window runs from a *cut* to the next cut. A cut is a line that starts at column 0 with a
/// letter, `#` or a non-ASCII character, after a blank line, neither in a zone nor in code, HTML
/// or math: there every block cmark had open is closed (a list item or footnote would need
/// indentation, a block quote a `>`, a paragraph no blank line before), so what comes after it
/// is parsed the same whatever comes before, and the reverse. Windows where a construct pairs
/// across blank lines or across the document could start or end are refused: fences (```` ``` ````,
/// `~~~`: other renderers pair them over the document), Liquid and kramdown (`{`), math blocks
/// (`$$`), reference and footnote definitions (`]:`: their labels are global). The new window
/// must start with a cut line again, and end as the old one did: it is parsed with the next cut
/// line after it (then dropped), which must still be prose outside every zone after a blank line
/// outside every zone (at the end of the input cmark would close what that line continues: an
/// HTML comment, a fence).
enum IncrementalStructure {
    /// Windows covering more than this share of the document: a full parse is as cheap.
    static let largestShare = 0.5
    /// Edits closer than this to the previous window join it (fewer, larger windows: each parse
    /// has a fixed cost).
    static let joinDistance = 2048

    static func update(_ old: MarkdownStructure, from oldBytes: [UInt8], edits: [TextEdit], to newBytes: [UInt8]) -> MarkdownStructure? {
        guard !old.isQuick, !edits.isEmpty, !old.lines.isEmpty else { return nil }
        let lines = old.lines
        func start(_ k: Int) -> Int { k < lines.count ? lines[k].lowerBound : oldBytes.count }
        func isCut(_ k: Int) -> Bool {
            if k == 0 || k == lines.count { return true }
            guard old.lineKinds[k - 1] == .blank, old.lineKinds[k] == .prose, !lines[k].isEmpty,
                  startsFresh(oldBytes[lines[k].lowerBound]) else { return false }
            return !old.touchesZone(start(k - 1)..<(lines[k].lowerBound + 1))
        }
        func line(containing offset: Int) -> Int {
            var low = 0, high = lines.count
            while low < high {
                let mid = (low + high) / 2
                if lines[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
            }
            return max(low - 1, 0)
        }

        // Windows (old line ranges), sorted and disjoint, each with the edits inside it.
        var windows: [(first: Int, end: Int, edits: Range<Int>)] = []
        var covered = 0
        for (index, edit) in edits.enumerated() {
            let low = edit.range.lowerBound, high = edit.range.upperBound
            if var last = windows.last, low < start(last.end) + joinDistance || (last.end == lines.count) {
                // Inside (or touching) the last window: extend it past this edit.
                var end = last.end
                while end < lines.count && !(start(end) > high && isCut(end)) { end += 1 }
                covered += start(end) - start(last.end)
                last.end = end
                last.edits = last.edits.lowerBound..<(index + 1)
                windows[windows.count - 1] = last
            } else {
                let floor = windows.last?.end ?? 0
                var first = line(containing: low)
                while first > floor && !isCut(first) { first -= 1 }
                var end = max(line(containing: high) + 1, first + 1)
                while end < lines.count && !(start(end) > high && isCut(end)) { end += 1 }
                if end == lines.count && high > oldBytes.count { return nil }
                covered += start(end) - start(first)
                windows.append((first, end, index..<(index + 1)))
            }
            if Double(covered) > largestShare * Double(max(oldBytes.count, 1)) { return nil }
        }

        var result = MarkdownStructure(lines: [], lineKinds: [], zones: [], headings: [], listItems: [], frontMatter: old.frontMatter)
        result.definedLabels = old.definedLabels
        result.lines.reserveCapacity(lines.count + 16)
        result.lineKinds.reserveCapacity(lines.count + 16)
        result.zones.reserveCapacity(old.zones.count + 16)
        var copier = Copier(old: old)
        var delta = 0, lineDelta = 0
        for window in windows {
            copier.copy(lines: copier.nextLine..<window.first, bytes: start(copier.nextLine)..<start(window.first),
                        delta: delta, lineDelta: lineDelta, into: &result)
            let windowDelta = edits[window.edits].reduce(0) { $0 + $1.replacement.count - $1.range.count }
            let oldRange = start(window.first)..<start(window.end)
            let newRange = (oldRange.lowerBound + delta)..<(oldRange.upperBound + delta + windowDelta)
            guard newRange.upperBound <= newBytes.count, !newRange.isEmpty || window.end == lines.count else { return nil }
            var bytes = Array(newBytes[newRange])
            guard isSafe(oldBytes[oldRange]), isSafe(bytes[...]) else { return nil }
            // The next cut line, unchanged, as the window's last line.
            let next: Range<Int>? = window.end < lines.count ? bytes.count..<(bytes.count + lines[window.end].count) : nil
            if window.end < lines.count { bytes += oldBytes[lines[window.end]] }
            if window.first == 0 {
                guard old.frontMatter == nil, let b = bytes.first, b != 0x2D, b != 0x2B, b != 0xEF else { return nil }
            } else {
                guard let b = bytes.first, startsFresh(b) else { return nil }
            }
            var parsed = StructureBuilder.build(bytes, knownLabels: old.definedLabels)
            if let next {
                let count = parsed.lines.count
                guard count >= 2, parsed.lines[count - 1] == next, parsed.lineKinds[count - 1] == .prose,
                      parsed.lineKinds[count - 2] == .blank,
                      !parsed.touchesZone(parsed.lines[count - 2].lowerBound..<(next.lowerBound + 1)) else { return nil }
                Self.dropLastLine(&parsed)
            }
            if window.first == 0 { result.frontMatter = parsed.frontMatter.map { Copier.shifted($0, newRange.lowerBound) } }
            Copier.append(parsed, at: newRange.lowerBound, line: window.first + lineDelta, into: &result)
            copier.skip(lines: window.end, bytes: start(window.end))
            delta += windowDelta
            lineDelta += parsed.lines.count - (window.end - window.first)
        }
        copier.copy(lines: copier.nextLine..<lines.count, bytes: start(copier.nextLine)..<oldBytes.count + 1,
                    delta: delta, lineDelta: lineDelta, into: &result)
        return result
    }

    /// Removes the last line and what is on it.
    private static func dropLastLine(_ structure: inout MarkdownStructure) {
        let last = structure.lines.count - 1
        let start = structure.lines[last].lowerBound
        structure.lines.removeLast()
        structure.lineKinds.removeLast()
        structure.zones.removeAll { $0.range.lowerBound >= start }
        structure.headings.removeAll { $0.line == last }
        structure.listItems.removeAll { $0.line == last }
        structure.looksLikeHeadingLines.removeAll { $0 == last }
    }

    /// A line starting with this byte at column 0 after a blank line starts afresh.
    private static func startsFresh(_ b: UInt8) -> Bool {
        MDByte.isAlpha(b) || b == MDByte.hash || (b >= 0x80 && b != 0xEF)
    }

    /// No byte sequence that starts a construct pairing across blank lines or the document.
    private static func isSafe(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0, run = 0
        for b in bytes {
            switch b {
            case MDByte.lbrace: return false
            case MDByte.dollar where previous == MDByte.dollar: return false
            case MDByte.colon where previous == MDByte.rbracket: return false
            default: break
            }
            run = (b == MDByte.backtick || b == MDByte.tilde) && b == previous ? run + 1 : 1
            if run >= 3 { return false }
            previous = b
        }
        return true
    }

    /// Copies the old structure's items of unchanged lines, shifted, in one pass.
    private struct Copier {
        let old: MarkdownStructure
        var nextLine = 0, zone = 0, heading = 0, listItem = 0, looks = 0

        init(old: MarkdownStructure) { self.old = old }

        mutating func copy(lines: Range<Int>, bytes: Range<Int>, delta: Int, lineDelta: Int, into result: inout MarkdownStructure) {
            for k in lines {
                result.lines.append(Self.shifted(old.lines[k], delta))
                result.lineKinds.append(old.lineKinds[k])
            }
            while zone < old.zones.count && old.zones[zone].range.lowerBound < bytes.upperBound {
                result.zones.append(Self.shifted(old.zones[zone], delta))
                zone += 1
            }
            while heading < old.headings.count && old.headings[heading].line < lines.upperBound {
                result.headings.append(Self.shifted(old.headings[heading], delta, lineDelta))
                heading += 1
            }
            while listItem < old.listItems.count && old.listItems[listItem].line < lines.upperBound {
                result.listItems.append(Self.shifted(old.listItems[listItem], delta, lineDelta))
                listItem += 1
            }
            while looks < old.looksLikeHeadingLines.count && old.looksLikeHeadingLines[looks] < lines.upperBound {
                result.looksLikeHeadingLines.append(old.looksLikeHeadingLines[looks] + lineDelta)
                looks += 1
            }
            nextLine = lines.upperBound
        }

        /// Steps over the old items of a window (lines before `lines`, bytes before `bytes`).
        mutating func skip(lines: Int, bytes: Int) {
            while zone < old.zones.count && old.zones[zone].range.lowerBound < bytes { zone += 1 }
            while heading < old.headings.count && old.headings[heading].line < lines { heading += 1 }
            while listItem < old.listItems.count && old.listItems[listItem].line < lines { listItem += 1 }
            while looks < old.looksLikeHeadingLines.count && old.looksLikeHeadingLines[looks] < lines { looks += 1 }
            nextLine = lines
        }

        /// Appends a window's structure, parsed on its own, at byte `offset` and line `line`.
        static func append(_ parsed: MarkdownStructure, at offset: Int, line: Int, into result: inout MarkdownStructure) {
            result.lines += parsed.lines.map { shifted($0, offset) }
            result.lineKinds += parsed.lineKinds
            result.zones += parsed.zones.map { shifted($0, offset) }
            result.headings += parsed.headings.map { shifted($0, offset, line) }
            result.listItems += parsed.listItems.map { shifted($0, offset, line) }
            result.looksLikeHeadingLines += parsed.looksLikeHeadingLines.map { $0 + line }
        }

        static func shifted(_ range: Range<Int>, _ bytes: Int) -> Range<Int> { (range.lowerBound + bytes)..<(range.upperBound + bytes) }

        static func shifted(_ zone: MarkdownStructure.Zone, _ bytes: Int) -> MarkdownStructure.Zone {
            var zone = zone
            zone.range = shifted(zone.range, bytes)
            return zone
        }

        static func shifted(_ heading: MarkdownStructure.Heading, _ bytes: Int, _ lines: Int) -> MarkdownStructure.Heading {
            var heading = heading
            heading.line += lines
            heading.textRange = shifted(heading.textRange, bytes)
            heading.underlineLine = heading.underlineLine.map { $0 + lines }
            return heading
        }

        static func shifted(_ item: MarkdownStructure.ListItem, _ bytes: Int, _ lines: Int) -> MarkdownStructure.ListItem {
            var item = item
            item.line += lines
            item.markerRange = shifted(item.markerRange, bytes)
            return item
        }
    }
}
