import MojifixCore

/// The human-readable `explain` output.
package enum PlanText {
    package static func document(file: String, input: [UInt8], result: RepairResult, verified: Bool?) -> String {
        let plan = result.plan
        var out = ""
        if plan.isEmpty {
            let withheld = plan.withheld?.count ?? 0
            out += withheld > 0 ? "\(file): no lossless repair; \(withheld) lossy repair\(withheld == 1 ? "" : "s") not made (use --lossy)\n"
                : "\(file): no mojibake found; output is identical to input\n"
        } else {
            let kind = plan.isLossless ? "lossless" : "lossy (lost bytes were guessed; see below)"
            out += "\(file): \(plan.changeCount) change\(plan.changeCount == 1 ? "" : "s") in \(plan.passes.count) pass\(plan.passes.count == 1 ? "" : "es"), \(kind)\n"
        }
        if plan.inputEncoding != "UTF-8" { out += "input encoding: \(plan.inputEncoding)\n" }
        let texts = plan.passInputs(from: input)
        let indexes = texts.map(LineIndex.init)
        // The change lines are built as bytes: a garbled file has hundreds of thousands.
        var bytes = Array(out.utf8)
        for (index, pass) in plan.passes.enumerated() {
            bytes += Array("pass \(index + 1) (\(pass.kind.rawValue)): \(pass.chain.chainDescription)\n".utf8)
            for change in pass.changes {
                let (line, column) = pass.kind == .transcode ? (1, 1) : indexes[index].lineAndColumn(of: change.inputRange.lowerBound)
                bytes += Array("  \(line):\(column) ".utf8)
                if let before = change.before { quote(before, into: &bytes) } else { bytes += Array("<\(change.inputRange.count) bytes>".utf8) }
                bytes += [0x20, 0x2D, 0x3E, 0x20]   // " -> "
                quote(change.after, into: &bytes)
                if change.steps != pass.chain { bytes += Array(" [\(change.steps.chainDescription)]".utf8) }
                bytes += Array(" confidence \(change.confidence)\(change.lossless ? "" : " LOSSY")\n".utf8)
                for guess in change.guesses ?? [] { bytes += Array("      guessed: \(guess)\n".utf8) }
            }
        }
        for (change, line, column) in LocatedChanges.positioned(plan.withheldChanges(input: input, output: result.output)) {
            bytes += Array("  \(line):\(column) \(quoted(change.before ?? "")) -> \(quoted(change.after)) LOSSY, not made (--lossy makes it)\n".utf8)
            for guess in change.guesses ?? [] { bytes += Array("      would guess: \(guess)\n".utf8) }
        }
        for (change, line, column) in LocatedChanges.positioned(plan.quotedChanges(input: input, output: result.output)) {
            bytes += Array("  \(line):\(column) \(quoted(change.before ?? "")) info: quoted mojibake left as written (would be \(quoted(change.after)))\n".utf8)
        }
        for (change, line, column) in LocatedChanges.positioned(plan.ambiguousChanges(input: input, output: result.output)) {
            bytes += Array("  \(line):\(column) \(quoted(change.before ?? "")) info: left as written, readings tie (one gives \(quoted(change.after)), another differs)\n".utf8)
        }
        if let verified { bytes += Array((verified ? "verified: replay and inverse give the exact bytes\n" : "verification FAILED\n").utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Quotes text for one line, showing controls and invisible characters as escapes. Built as
    /// bytes: `check` quotes two texts per change, and a garbled file has hundreds of thousands.
    package static func quoted(_ text: String, limit: Int = 120) -> String {
        var out: [UInt8] = []
        quote(text, limit: limit, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quoted`, appended to bytes.
    package static func quote(_ text: String, limit: Int = 120, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { p in
            // Bytes that need no escape are copied a run at a time.
            var i = 0, count = 0, run = 0
            func flush() { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
            while i < p.count {
                if count == limit { flush(); run = i; out += [0xE2, 0x80, 0xA6]; break }  // …
                count += 1
                let b0 = p[i]
                let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                var value = length == 1 ? UInt32(b0) : UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
                let escape: [UInt8]
                switch value {
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0x22: escape = [0x5C, 0x22]
                case 0x00..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xE000...0xF8FF:
                    escape = Array("\\u{\(String(value, radix: 16, uppercase: true))}".utf8)
                default: i += length; continue
                }
                flush()
                out += escape
                i += length
                run = i
            }
            flush()
        }
        out.append(0x22)
    }
}
