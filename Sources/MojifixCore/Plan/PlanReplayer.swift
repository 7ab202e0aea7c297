internal import MojifixICU

/// Replays a plan on its input and inverts it on its output, through ICU's converters directly
/// (not the tables the detector mirrors from them), so a passing replay is an independent proof.
/// (ISO-2022-KR and Johab go through mojifix's wrappers around ICU's EUC-KR; see TextCodecs.)
public final class PlanReplayer {
    /// Why a plan did not replay or invert: the bytes are not the ones the plan was made for.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// A change's byte range lies outside the bytes (or before an earlier change's end).
        case rangeOutOfBounds(pass: Int, change: Int)
        /// A step did not convert the change's bytes strictly (the step, e.g. `encode macintosh`).
        case stepFailed(String)
        /// Inverting a lossy change needs the original bytes, and the plan does not hold them.
        case lossyWithoutOriginal(pass: Int, change: Int)

        public var description: String {
            switch self {
            case .rangeOutOfBounds(let p, let c): return "change \(c) of pass \(p) is out of bounds"
            case .stepFailed(let step): return "step failed: \(step)"
            case .lossyWithoutOriginal(let p, let c): return "lossy change \(c) of pass \(p) has no original bytes"
            }
        }
    }

    private var converters: [String: TextCodec] = [:]

    public init() {}

    /// Applies the plan to the input; gives the repaired output.
    public func replay(_ plan: RepairPlan, on input: [UInt8]) throws(Failure) -> [UInt8] {
        var bytes = input
        for (p, pass) in plan.passes.enumerated() {
            bytes = try rewrite(bytes, pass.changes.enumerated().map { c, change in
                (change.inputRange, { () throws(Failure) -> [UInt8] in
                    if !change.lossless { return Array(change.after.utf8) }
                    return try self.run(change.steps, on: Array(bytes[change.inputRange]))
                }, p, c)
            })
        }
        return bytes
    }

    /// Undoes the plan on the output; gives the original input back.
    public func invert(_ plan: RepairPlan, on output: [UInt8]) throws(Failure) -> [UInt8] {
        var bytes = output
        for (p, pass) in plan.passes.enumerated().reversed() {
            bytes = try rewrite(bytes, pass.changes.enumerated().map { c, change in
                (change.outputRange, { () throws(Failure) -> [UInt8] in
                    if !change.lossless {
                        guard let original = change.originalBytes else { throw .lossyWithoutOriginal(pass: p, change: c) }
                        return original
                    }
                    return try self.run(change.steps.inverted, on: Array(bytes[change.outputRange]))
                }, p, c)
            })
        }
        return bytes
    }

    /// Runs steps on bytes.
    public func run(_ steps: [ChainStep], on input: [UInt8]) throws(Failure) -> [UInt8] {
        var bytes = input
        for step in steps {
            switch step {
            case .encode(let charset):
                guard let out = try? converter(charset).encode(bytes) else { throw Failure.stepFailed(step.description) }
                bytes = out
            case .decode(let charset):
                guard let out = try? converter(charset).decode(bytes) else { throw Failure.stepFailed(step.description) }
                bytes = out
            case .normalize(let form):
                guard let out = try? ICUNormalizer.normalize(bytes, to: form == "NFD" ? .nfd : .nfc) else {
                    throw Failure.stepFailed(step.description)
                }
                bytes = out
            case .stripBOM(let charset):
                let mark = ChainStep.byteOrderMark(charset)
                guard bytes.starts(with: mark) else { throw Failure.stepFailed(step.description) }
                bytes.removeFirst(mark.count)
            case .addBOM(let charset):
                bytes = ChainStep.byteOrderMark(charset) + bytes
            }
        }
        return bytes
    }

    private func converter(_ charset: Charset) throws(ICUError) -> TextCodec {
        if let c = converters[charset.icuName] { return c }
        let c = try TextCodecs.codec(for: charset)
        converters[charset.icuName] = c
        return c
    }

    private func rewrite(_ bytes: [UInt8],
                         _ edits: [(range: Range<Int>, replacement: () throws(Failure) -> [UInt8], pass: Int, change: Int)]) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for edit in edits {
            guard edit.range.lowerBound >= copied, edit.range.upperBound <= bytes.count else {
                throw Failure.rangeOutOfBounds(pass: edit.pass, change: edit.change)
            }
            out.append(contentsOf: bytes[copied..<edit.range.lowerBound])
            out.append(contentsOf: try edit.replacement())
            copied = edit.range.upperBound
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}
