extension RepairPlan {
    /// Withheld lossy changes with the text their ranges refer to (see `WithheldChange`).
    public func withheldChanges(input: [UInt8], output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        Self.located(withheld, passInputs: { passInputs(from: input) }, output: output)
    }

    /// Quoted mojibake left as written, with the text its ranges refer to.
    public func quotedChanges(input: [UInt8], output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        Self.located(quoted, passInputs: { passInputs(from: input) }, output: output)
    }

    /// Mojibake left as written because readings tie, with the text its ranges refer to.
    public func ambiguousChanges(input: [UInt8], output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        Self.located(ambiguous, passInputs: { passInputs(from: input) }, output: output)
    }

    private static func located(_ changes: [WithheldChange]?, passInputs: () -> [[UInt8]],
                                output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        guard let changes, !changes.isEmpty else { return [] }
        let texts = passInputs()
        return changes.map { ($0.change, $0.afterPasses < texts.count ? texts[$0.afterPasses] : output) }
    }

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
