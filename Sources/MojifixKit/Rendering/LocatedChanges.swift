import MojifixCore

/// Line and column of the changes `RepairPlan.withheldChanges` and `quotedChanges` locate, with
/// one `LineIndex` per text they refer to rather than one per change: a long line holding many
/// withheld or quoted changes cost its length per change.
package enum LocatedChanges {
    package static func positioned(_ located: [(change: RepairChange, text: [UInt8])]) -> [(change: RepairChange, line: Int, column: Int)] {
        // The texts are a few arrays shared by many changes: one index per buffer.
        var indexes: [(buffer: UInt, count: Int, index: LineIndex)] = []
        return located.map { change, text in
            let buffer = text.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            let k = indexes.firstIndex { $0.buffer == buffer && $0.count == text.count } ?? {
                indexes.append((buffer, text.count, LineIndex(text)))
                return indexes.count - 1
            }()
            let (line, column) = indexes[k].index.lineAndColumn(of: change.inputRange.lowerBound)
            return (change, line, column)
        }
    }
}
