import MojifixICU

/// Options of a repair.
public struct RepairOptions: Sendable {
    /// Force the input's charset instead of detecting it (e.g. `.windows949`). It applies only
    /// to input that is not UTF-8 text (valid UTF-8 without NUL bytes stays UTF-8, so a second
    /// run changes nothing), and the input must decode strictly in it.
    public var from: Charset?
    /// Most mojibake layers peeled off one document (double-encoded text needs two).
    public var maxLayers: Int
    /// Inputs larger than this are refused (bytes).
    public var maxInputBytes: Int

    public init(from: Charset? = nil, maxLayers: Int = 4, maxInputBytes: Int = 512 << 20) {
        self.from = from
        self.maxLayers = maxLayers
        self.maxInputBytes = maxInputBytes
    }
}

/// The output and the plan that explains it.
public struct RepairResult: Sendable {
    public var output: [UInt8]
    public var plan: RepairPlan
    public var changed: Bool { !plan.isEmpty }
}

/// The repair pipeline: legacy input is transcoded to UTF-8, mojibake layers are peeled off one by
/// one while any remain, UTF-8 that a CP949 decoder mangled with U+FFFD is rebuilt, then
/// macOS-decomposed Hangul is composed. Text with no sign of either
/// passes through untouched after one fast scan.
///
/// A `Repairer` holds ICU converters and tables; it is cheap to reuse and must not be shared
/// between threads (make one per thread).
public final class Repairer {
    public let options: RepairOptions
    private let alphabet: SuspicionAlphabet
    private let mojibake: MojibakePass
    private let legacy: LegacyDecoding
    private let composition = HangulComposition()
    private let utf8ReadAsCP949: UTF8ReadAsCP949

    public init(options: RepairOptions = RepairOptions()) throws(ICUError) {
        self.options = options
        let cp949 = try CP949Table()
        var tables: [Charset: SingleByteTable] = [:]
        for charset in Charset.misreadings { tables[charset] = try SingleByteTable(charset) }
        alphabet = SuspicionAlphabet(tables: Charset.misreadings.map { tables[$0]! })
        let scoring = UnitScoring(cp949: cp949, alphabet: alphabet)
        mojibake = MojibakePass(
            decoders: Misreading.all.map { UnitDecoder(misreading: $0, table: tables[$0.shownAs]!, cp949: cp949) },
            scoring: scoring)
        legacy = LegacyDecoding(scoring: scoring)
        utf8ReadAsCP949 = UTF8ReadAsCP949(cp949: cp949, scoring: scoring)
    }

    /// The first step of a repair alone: input that is not UTF-8 detected and transcoded to
    /// UTF-8 (nil when it is UTF-8 already). For benchmarks of the detector.
    public func transcode(_ input: [UInt8]) throws(RepairError) -> [UInt8]? {
        let census = input.withUnsafeBufferPointer { alphabet.census($0) }
        return try legacy.decode(input, census: census, forced: options.from)?.text
    }

    public func repair(_ input: [UInt8]) throws(RepairError) -> RepairResult {
        try repair(input, from: options.from)
    }

    /// Repairs `input`, reading it as `forced` when it is not already UTF-8 text (see
    /// `RepairOptions.from`); a batch passes each file's own charset here.
    public func repair(_ input: [UInt8], from forced: Charset?) throws(RepairError) -> RepairResult {
        guard input.count <= options.maxInputBytes else {
            throw .tooLarge(bytes: input.count, limit: options.maxInputBytes)
        }
        var plan = RepairPlan()
        var text = input
        var census = input.withUnsafeBufferPointer { alphabet.census($0) }
        if let (decoded, pass) = try legacy.decode(input, census: census, forced: forced) {
            text = decoded
            plan.inputEncoding = pass.chain.compactMap { if case .decode(let c) = $0 { c.icuName } else { nil } }.last ?? "UTF-8"
            plan.passes.append(pass)
            if plan.inputEncoding != "UTF-8", let (declared, rewrite) = DeclarationRewrite.pass(text) {
                text = declared
                plan.passes.append(rewrite)
            }
            census = text.withUnsafeBufferPointer { alphabet.census($0) }
        }
        var scan = census.scan
        var layers = 0
        while scan.hasMojibakePair && layers < options.maxLayers, let (output, pass) = mojibake.run(text) {
            text = output
            plan.passes.append(pass)
            layers += 1
            scan = text.withUnsafeBufferPointer { alphabet.scan($0) }
        }
        if scan.hasReplacementCharacter, let (output, pass) = utf8ReadAsCP949.run(text) {
            text = output
            plan.passes.append(pass)
        }
        if scan.hasConjoiningJamo, let (output, pass) = composition.run(text) {
            text = output
            plan.passes.append(pass)
        }
        return RepairResult(output: text, plan: plan)
    }

    /// True when the fast scan finds nothing to look at (the clean path).
    public func looksClean(_ utf8: [UInt8]) -> Bool {
        let census = utf8.withUnsafeBufferPointer { alphabet.census($0) }
        return census.isValidUTF8(length: utf8.count) && census.scan.isClean
    }
}
