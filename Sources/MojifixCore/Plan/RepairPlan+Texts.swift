extension RepairPlan {
    /// The text each pass started from (the first is `input`), rebuilt from the recorded outputs of
    /// the changes: used to show line and column numbers for later passes.
    public func passInputs(from input: [UInt8]) -> [[UInt8]] {
        var texts: [[UInt8]] = [input]
        for pass in passes.dropLast() {
            let current = texts[texts.count - 1]
            var next: [UInt8] = []
            next.reserveCapacity(current.count)
            var copied = 0
            for change in pass.changes {
                next.append(contentsOf: current[copied..<change.inputRange.lowerBound])
                next.append(contentsOf: Array(change.after.utf8))
                copied = change.inputRange.upperBound
            }
            next.append(contentsOf: current[copied...])
            texts.append(next)
        }
        return texts
    }
}

/// 1-based line and column (in characters) of a byte offset in UTF-8 text.
public func lineAndColumn(of offset: Int, in text: [UInt8]) -> (line: Int, column: Int) {
    var line = 1, column = 1
    var i = 0
    while i < min(offset, text.count) {
        if text[i] == 0x0A { line += 1; column = 1 } else if text[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
    }
    return (line, column)
}
