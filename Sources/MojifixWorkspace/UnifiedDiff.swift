/// A unified diff (`diff -u`, readable by `patch` and `git apply`) of two byte strings, line by
/// line. Lines are compared as bytes, so legacy-encoded input diffs exactly as it is on disk.
package enum UnifiedDiff {
    /// Past this many differing lines the middle is shown as one replacement instead of searched
    /// for the shortest edit (Myers' trace grows with the square of the distance).
    static let maxDistance = 2000

    enum Edit: Equatable { case equal, delete, insert }

    /// The diff, with `--- a/NAME` / `+++ b/NAME` headers written as git writes them (quoted where
    /// a byte needs it, a tab after a name holding a space); empty when the bytes are equal.
    package static func make(old: [UInt8], new: [UInt8], name: [UInt8], context: Int = 3) -> [UInt8] {
        guard old != new else { return [] }
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        let (from, quoted) = GitPath.name("a/", name), to = GitPath.name("b/", name).text
        let tab = !quoted && name.contains(0x20) ? "\t" : ""
        var out = Array("--- \(from)\(tab)\n+++ \(to)\(tab)\n".utf8)
        // Walk the script, cutting it into hunks of changes with up to `context` lines around them.
        var changes: [Int] = []  // positions in `edits` that are not .equal
        for (index, edit) in edits.enumerated() where edit != .equal { changes.append(index) }
        var oldLine = [Int](repeating: 0, count: edits.count + 1), newLine = oldLine
        for (index, edit) in edits.enumerated() {
            oldLine[index + 1] = oldLine[index] + (edit == .insert ? 0 : 1)
            newLine[index + 1] = newLine[index] + (edit == .delete ? 0 : 1)
        }
        var first = 0
        while first < changes.count {
            var last = first
            while last + 1 < changes.count, changes[last + 1] - changes[last] <= 2 * context + 1 { last += 1 }
            let start = max(0, changes[first] - context), end = min(edits.count, changes[last] + context + 1)
            let oldCount = oldLine[end] - oldLine[start], newCount = newLine[end] - newLine[start]
            out += Array("@@ -\(range(oldLine[start], oldCount)) +\(range(newLine[start], newCount)) @@\n".utf8)
            for index in start..<end {
                switch edits[index] {
                case .equal: emit(" ", a[oldLine[index]], into: &out)
                case .delete: emit("-", a[oldLine[index]], into: &out)
                case .insert: emit("+", b[newLine[index]], into: &out)
                }
            }
            first = last + 1
        }
        return out
    }

    /// `start,count` as diff writes it: the line before the hunk when it is empty, `,1` left out.
    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    static func emit(_ mark: Character, _ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(mark.asciiValue!)
        out += line
        if line.last != 0x0A { out += Array("\n\\ No newline at end of file\n".utf8) }
    }

    /// Lines with their terminators (the last one may have none).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(bytes[start...index]); start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    /// The edit script turning `a` into `b`: common head and tail kept, Myers' shortest edit in between.
    static func script(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Edit] {
        var ids: [ArraySlice<UInt8>: Int] = [:]
        let x = a.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
        let y = b.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
        var head = 0
        while head < x.count, head < y.count, x[head] == y[head] { head += 1 }
        var tail = 0
        while tail < x.count - head, tail < y.count - head, x[x.count - 1 - tail] == y[y.count - 1 - tail] { tail += 1 }
        let middle = myers(Array(x[head..<(x.count - tail)]), Array(y[head..<(y.count - tail)]))
            ?? Array(repeating: .delete, count: x.count - head - tail) + Array(repeating: .insert, count: y.count - head - tail)
        return Array(repeating: .equal, count: head) + middle + Array(repeating: .equal, count: tail)
    }

    /// Myers' O(ND) shortest edit script, or nil when the distance is over `maxDistance`.
    static func myers(_ a: [Int], _ b: [Int]) -> [Edit]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m) }
        let limit = min(n + m, maxDistance), offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []  // v before step d, over diagonals -(d+1)...(d+1)
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var px = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var py = px - k
                while px < n, py < m, a[px] == b[py] { px += 1; py += 1 }
                v[offset + k] = px
                if px >= n && py >= m { break search }
            }
            if d == limit { return nil }
        }
        // Back from (n, m) through the trace, collecting the script in reverse.
        var edits: [Edit] = []
        var px = n, py = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let row = trace[d]
            func at(_ k: Int) -> Int { row[k + d + 1] }
            let k = px - py
            let previous = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let fromX = at(previous), fromY = fromX - previous
            while px > fromX, py > fromY { edits.append(.equal); px -= 1; py -= 1 }
            if d > 0 { edits.append(px == fromX ? .insert : .delete) }
            px = fromX; py = fromY
        }
        return edits.reversed()
    }
}
