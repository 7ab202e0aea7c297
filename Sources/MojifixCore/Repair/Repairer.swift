internal import MojifixICU

/// Options of a repair.
public struct RepairOptions: Sendable {
    /// Force the input's charset instead of detecting it (e.g. `.windows949`). It applies only
    /// to input that is not UTF-8 text (valid UTF-8 without NUL bytes stays UTF-8, so a second
    /// run changes nothing), and the input must decode strictly in it.
    public var from: Charset?
    /// Most mojibake layers peeled off one document (double-encoded text needs two).
    public var maxLayers: Int
    /// Inputs larger than this are refused (bytes); never more than `largestInput`.
    public var maxInputBytes: Int
    /// A plan keeps offsets in 32 bits, and a text transcoded from a single-byte charset can
    /// grow threefold (0x80 in Windows-1252 is `€`, three bytes): about 1.4 GB at most.
    public static let largestInput = Int(UInt32.max / 3)
    /// What is refused above: `maxInputBytes`, at most `largestInput`.
    public var inputLimit: Int { min(maxInputBytes, Self.largestInput) }
    /// Also make lossy changes (guessed lost bytes: U+FFFD, NBSP turned into a space). Off by
    /// default: they are then only listed in the plan's `withheld`.
    public var lossy: Bool

    public init(from: Charset? = nil, maxLayers: Int = 4, maxInputBytes: Int = 512 << 20, lossy: Bool = false) {
        self.from = from
        self.maxLayers = maxLayers
        self.maxInputBytes = maxInputBytes
        self.lossy = lossy
    }
}

/// The output and the plan that explains it.
public struct RepairResult: Sendable {
    /// The repaired text, UTF-8 (the input's bytes when nothing was repaired).
    public var output: [UInt8]
    /// Every change, as data: `PlanReplayer` replays it on the input and inverts it on `output`.
    public var plan: RepairPlan
    /// Whether the plan changes anything.
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
    private var mojibake: MojibakePass
    private let legacy: LegacyDecoding
    private let composition = HangulComposition()
    private let utf8ReadAsCP949: UTF8ReadAsCP949
    private let cesu8 = CESU8Surrogates()
    private let c1: C1AsWindows1252
    private let doubleByte: UTF8ReadAsDoubleByte
    /// The text the last layer of a round left and its scan, for the next round (one repair only).
    private var lastScan: (text: [UInt8], scan: SuspicionScan)? = nil

    /// Opens the ICU converters and builds the tables the engine reads. It fails only when the
    /// machine's ICU lacks a charset or mapping the engine needs (see `MojifixError`).
    public convenience init(options: RepairOptions = RepairOptions()) throws(MojifixError) {
        do throws(ICUError) {
            try self.init(checked: options)
        } catch {
            throw MojifixError(error)
        }
    }

    private init(checked options: RepairOptions) throws(ICUError) {
        self.options = options
        let cp949 = try CP949Table()
        let tables = try SingleByteTable.ofMisreadings()
        alphabet = SuspicionAlphabet(tables: Charset.misreadings.map { tables[$0]! })
        let scoring = UnitScoring(cp949: cp949, alphabet: alphabet)
        mojibake = MojibakePass(
            decoders: Misreading.content.map { UnitDecoder(misreading: $0, table: tables[$0.shownAs]!, cp949: cp949) },
            scoring: scoring)
        legacy = LegacyDecoding(scoring: scoring)
        utf8ReadAsCP949 = UTF8ReadAsCP949(cp949: cp949, scoring: scoring)
        c1 = C1AsWindows1252(windows1252: tables[.windows1252]!)
        doubleByte = try UTF8ReadAsDoubleByte()
    }

    /// Off: the mojibake pass scores every reading, skipping none by its bound (for the tests
    /// that compare both ways).
    var prunesReadings: Bool {
        get { mojibake.prunesReadings }
        set { mojibake.prunesReadings = newValue }
    }

    /// Off: every decoder decodes the text and every reading is scored on its own (see
    /// `ReadingSieve`; for the tests that compare both ways).
    var sievesReadings: Bool {
        get { mojibake.sievesReadings }
        set { mojibake.sievesReadings = newValue }
    }

    /// The mojibake pass, whose shortcuts the tests turn off to compare both ways.
    var mojibakePass: MojibakePass { mojibake }
    /// The reader of UTF-8 read as a double-byte charset, likewise.
    var doubleByteReader: UTF8ReadAsDoubleByte { doubleByte }

    /// The first step of a repair alone: input that is not UTF-8 detected and transcoded to
    /// UTF-8 (nil when it is UTF-8 already). For benchmarks of the detector.
    public func transcode(_ input: [UInt8]) throws(RepairError) -> [UInt8]? {
        let census = input.withUnsafeBufferPointer { alphabet.census($0) }
        return try legacy.decode(input, census: census, forced: options.from)?.text
    }

    /// Bytes of a mojibake window (see MojibakePass+Windows): tests make it tiny to compare the
    /// windowed pass with the whole-text one.
    var mojibakeWindowBytes: Int {
        get { mojibake.windowBytes }
        set { mojibake.windowBytes = newValue }
    }

    /// Repairs rounds beyond the first before a result that still changes is refused.
    static let extraRounds = 2

    /// Repairs `input` (any bytes: UTF-8, or a legacy charset it detects) as `options` say; see
    /// `repair(_:from:)`.
    public func repair(_ input: [UInt8]) throws(RepairError) -> RepairResult {
        try repair(input, from: options.from)
    }

    /// Repairs `input`, reading it as `forced` when it is not already UTF-8 text (see
    /// `RepairOptions.from`; a batch passes each file's own charset here), until nothing is left
    /// to repair, so that repairing the output again changes nothing (`repair(repair(x)) ==
    /// repair(x)`). Text on which every round still finds another reading is garbled beyond a
    /// consistent chain (or is not mojibake at all): it is refused as ambiguous rather than
    /// rewritten into something a second run would rewrite again.
    public func repair(_ input: [UInt8], from forced: Charset?) throws(RepairError) -> RepairResult {
        // A round reads again the text the round before ended with: its readings are kept for
        // that (see `ReadingsOfText`), within this repair only.
        mojibake.lastText = nil
        lastScan = nil
        defer { mojibake.lastText = nil; lastScan = nil }
        var result = try repairRound(input, forced: forced)
        var rounds = 0
        while result.changed {
            let again = try repairRound(result.output, forced: nil, decoded: true)
            guard again.changed else { return result }
            rounds += 1
            if rounds > Self.extraRounds {
                throw .ambiguousReading(["text that every repair round reads again another way"])
            }
            result.plan.passes += again.plan.passes
            result.output = again.output
        }
        return result
    }

    /// One round. `decoded`: the input is an earlier round's output, UTF-8 already (it may hold
    /// U+0000 that a UTF-16 file had as text), so no charset is detected again.
    private func repairRound(_ input: [UInt8], forced: Charset?, decoded: Bool = false) throws(RepairError) -> RepairResult {
        guard input.count <= options.inputLimit else { throw .tooLarge(bytes: input.count, limit: options.inputLimit) }
        var plan = RepairPlan()
        var text = input
        // A later round's input is UTF-8 already: the census serves only for its scan, which the
        // round before made of the same text when its last layer ended there.
        let scanned = decoded ? lastScan.flatMap { $0.text == input ? $0.scan : nil } : nil
        var census = scanned.map { TextCensus(validPrefix: input.count, scan: $0) } ?? input.withUnsafeBufferPointer { alphabet.census($0) }
        if !decoded && forced == nil && !census.isValidUTF8(length: input.count), let (cesu8Decoded, pass) = cesu8.run(input) {
            text = cesu8Decoded
            plan.inputEncoding = CESU8Surrogates.charset.icuName
            plan.passes.append(pass)
            census = text.withUnsafeBufferPointer { alphabet.census($0) }
        }
        if !decoded, let (legacyDecoded, pass) = try legacy.decode(text, census: census, forced: forced) {
            text = legacyDecoded
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
        // Withheld guesses are found again by the next layer: list the last layer's only.
        var withheld: (afterPasses: Int, changes: [RepairChange]) = (0, [])
        var repairedBefore = RepairPass.OutputRanges(pass: nil)
        while scan.hasMojibakePair && layers < options.maxLayers,
              let layer = mojibake.run(text, lossy: options.lossy, repairedBefore: repairedBefore) {
            if !layer.withheld.isEmpty { withheld = (plan.passes.count, layer.withheld) }
            if !layer.quoted.isEmpty { plan.quoted = layer.quoted.map { WithheldChange(afterPasses: plan.passes.count, change: $0) } }
            // Left as written because two readings tie: with nothing else repaired, refused (in
            // the first round only: a later one keeps what the first repaired).
            if layer.applied == nil && !layer.ambiguous.isEmpty && layers == 0 && !decoded && layer.withheld.isEmpty && layer.quoted.isEmpty {
                throw .ambiguousReading(layer.ambiguous)
            }
            if !layer.tied.isEmpty {
                plan.ambiguous = (plan.ambiguous ?? []) + layer.tied.map { WithheldChange(afterPasses: plan.passes.count, change: $0) }
            }
            guard let (output, pass) = layer.applied else { break }
            text = output
            plan.passes.append(pass)
            repairedBefore = pass.outputRanges
            layers += 1
            scan = text.withUnsafeBufferPointer { alphabet.scan($0) }
            lastScan = (text, scan)
        }
        plan.withhold(withheld.changes, afterPasses: withheld.afterPasses)
        if layers == 0, let (output, pass) = doubleByte.run(text) {
            text = output
            plan.passes.append(pass)
            scan = text.withUnsafeBufferPointer { alphabet.scan($0) }
        }
        if let (output, pass) = c1.run(text) {
            text = output
            plan.passes.append(pass)
        }
        if scan.hasReplacementCharacter, let (output, pass) = utf8ReadAsCP949.run(text) {
            if options.lossy {
                text = output
                plan.passes.append(pass)
            } else {
                plan.withhold(pass.changes, afterPasses: plan.passes.count)
            }
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
