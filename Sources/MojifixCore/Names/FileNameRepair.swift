internal import MojifixICU

/// Detects a garbled file name and proposes its repair: bytes in, proposed bytes and plan out, or
/// nil. A false rename is worse than a missed one, so a proposal needs all of:
///
/// - the whole name converts strictly (every character, both ways, through ICU) and keeps its
///   `.ext` suffix byte for byte;
/// - the result is a well-formed name (FileNameText): no control character, `/`, NUL, U+FFFD,
///   private-use or unassigned code point;
/// - the evidence of the engine's own scoring (UnitScoring, MojibakePass's line rules): the name
///   is held to the standard of a line repaired on its own evidence, and a CP949 reading must give
///   a Korean word of KS X 1001 syllables;
/// - exactly one repaired name among the readings that pass (two different ones: left alone);
/// - the plan replays and inverts to the exact bytes (PlanReplayer, through ICU directly).
///
/// One per thread, like `Repairer` (it holds ICU converters).
public final class FileNameRepair {
    private let cp949: CP949Table
    private let scoring: UnitScoring
    private let pass: MojibakePass
    private let decoders: [UnitDecoder]
    private let composition = HangulComposition(onlyHangul: true)
    private let replayer = PlanReplayer()

    /// Misreadings tried, in the order a plan names when two give the same name (registry ranks:
    /// zip tools show names without the UTF-8 flag in CP437, so it comes first for CP949).
    static let misreadings: [Misreading] = Misreading.names

    /// Opens the ICU converters and builds the tables the detection reads; it fails only when the
    /// machine's ICU lacks a charset or mapping they need (see `MojifixError`).
    public convenience init() throws(MojifixError) {
        do throws(ICUError) {
            try self.init(throwingICUError: ())
        } catch {
            throw MojifixError(error)
        }
    }

    private init(throwingICUError: Void) throws(ICUError) {
        let cp949 = try CP949Table()
        self.cp949 = cp949
        let tables = try SingleByteTable.ofMisreadings()
        var scoring = UnitScoring(cp949: cp949, alphabet: SuspicionAlphabet(tables: Charset.misreadings.map { tables[$0]! }))
        scoring.context = .fileName
        self.scoring = scoring
        pass = MojibakePass(decoders: [], scoring: scoring)
        decoders = Self.misreadings.map { UnitDecoder(misreading: $0, table: tables[$0.shownAs]!, cp949: cp949) }
    }

    /// The repair of one name (a single path component, raw bytes), or nil to leave it alone:
    /// the name is clean, or no reading passes, or two readings give different names.
    public func repair(_ name: [UInt8]) -> FileNameProposal? {
        let found = readings(name)
        return found.count == 1 ? found[0] : nil
    }

    /// Every repaired name that passes all the checks, one proposal per distinct result (the
    /// first misreading in `misreadings` order names it). Two or more mean the name is
    /// ambiguous: `repair` leaves it alone, and a caller can say why.
    public func readings(_ name: [UInt8]) -> [FileNameProposal] {
        // ASCII names cannot hold any of these garblings.
        guard name.contains(where: { $0 >= 0x80 }), !name.contains(0), !name.contains(0x2F) else { return [] }
        let candidates: [FileNameProposal]
        if !UTF8.isValid(name) {
            candidates = rawCP949(name).map { [$0] } ?? []
        } else if UTF8.scalars(name).contains(where: HangulComposition.isConjoiningJamo) {
            candidates = decomposedHangul(name).map { [$0] } ?? []
        } else {
            candidates = misread(name)
        }
        var distinct: [FileNameProposal] = []
        for proposal in candidates where proposal.repaired != name && FileNameText.isWellFormed(proposal.repaired)
            && keepsExtension(name, proposal.repaired) && isProven(proposal) {
            if !distinct.contains(where: { $0.repaired == proposal.repaired }) { distinct.append(proposal) }
        }
        return distinct
    }

    // MARK: Raw CP949

    private func rawCP949(_ name: [UInt8]) -> FileNameProposal? {
        let steps: [ChainStep] = [.decode(.windows949)]
        guard let text = try? replayer.run(steps, on: name),
              let syllables = FileNameText.koreanSyllables(text, cp949: cp949), syllables >= 1 else { return nil }
        return proposal(name, text, .rawCP949, kind: .transcode, steps: steps, confidence: 1, inputEncoding: "windows-949")
    }

    // MARK: Mojibake

    /// Every misreading that converts the whole name strictly and passes the evidence rules. A
    /// UTF-8 reading that gives macOS's decomposed Hangul (a Mac zip opened with a CP437 tool)
    /// is composed in a second pass.
    private func misread(_ name: [UInt8]) -> [FileNameProposal] {
        var found: [FileNameProposal] = []
        for decoder in decoders {
            let misreading = decoder.misreading
            guard let text = try? replayer.run(misreading.repairSteps, on: name), text != name,
                  let evidence = evidence(name, decoder: decoder) else { continue }
            let korean = misreading.actual == .windows949
            if korean && (FileNameText.koreanSyllables(text, cp949: cp949) ?? 0) < 1 { continue }
            var proposal = proposal(name, text, korean ? .misreadCP949 : .misreadUTF8, kind: .mojibake,
                                    steps: misreading.repairSteps, confidence: MojibakePass.confidence(evidence), inputEncoding: "UTF-8")
            if !korean, let composed = decomposedHangul(text) {
                proposal = FileNameProposal(original: name, repaired: composed.repaired, garbling: .misreadUTF8,
                                            plan: RepairPlan(inputEncoding: "UTF-8", passes: proposal.plan.passes + composed.plan.passes),
                                            note: composed.note)
            }
            found.append(proposal)
        }
        return found
    }

    /// The engine's evidence that `name` is garbled this way, or nil when the name falls short:
    /// every non-ASCII character must belong to a decoded unit, no unit may be rejected or lossy,
    /// and the name must pass as a line repaired on its own evidence (a CP949 reading as a word).
    private func evidence(_ name: [UInt8], decoder: UnitDecoder) -> Float? {
        name.withUnsafeBufferPointer { p -> Float? in
            var units = decoder.units(in: p, range: 0..<p.count)
            guard !units.isEmpty else { return nil }
            scoring.score(&units, decoder: decoder, in: p)
            guard units.allSatisfy({ !$0.rejected && !$0.lossy && $0.evidence > 0 }), covers(units, p) else { return nil }
            let groups = pass.group(units, p)
            guard groups.count == 1, let line = groups.first, line.evidence >= MojibakePass.standaloneThreshold,
                  line.hasWord || decoder.misreading.actual == .utf8 else { return nil }
            return line.evidence
        }
    }

    /// True when every non-ASCII character of the name lies inside a unit (units are in order).
    private func covers(_ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var next = 0, i = 0
        while i < p.count {
            if next < units.count && units[next].start == i { i = units[next].end; next += 1; continue }
            if p[i] >= 0x80 { return false }
            i += 1
        }
        return next == units.count
    }

    // MARK: Decomposed Hangul

    private func decomposedHangul(_ name: [UInt8]) -> FileNameProposal? {
        guard let (text, pass) = composition.run(name) else { return nil }
        let note = (try? ICUNormalizer.isNFC(text)) == true ? nil : "other characters left as they were (not NFC)"
        let plan = RepairPlan(inputEncoding: "UTF-8", passes: [pass])
        return FileNameProposal(original: name, repaired: text, garbling: .decomposedHangul, plan: plan, note: note)
    }

    // MARK: Proof

    private func proposal(_ name: [UInt8], _ text: [UInt8], _ garbling: FileNameProposal.Garbling, kind: RepairPass.Kind,
                          steps: [ChainStep], confidence: Double, inputEncoding: String) -> FileNameProposal {
        let change = RepairChange(inputRange: 0..<name.count, outputRange: 0..<text.count, steps: steps,
                                  confidence: confidence, lossless: true,
                                  before: UTF8.isValid(name) ? String(decoding: name, as: Unicode.UTF8.self) : nil,
                                  after: String(decoding: text, as: Unicode.UTF8.self))
        let plan = RepairPlan(inputEncoding: inputEncoding, passes: [RepairPass(kind: kind, chain: steps, changes: [change])])
        return FileNameProposal(original: name, repaired: text, garbling: garbling, plan: plan, note: nil)
    }

    /// The `.ext` suffix comes through unchanged.
    private func keepsExtension(_ name: [UInt8], _ repaired: [UInt8]) -> Bool {
        let suffix = name[FileNameText.extensionStart(name)...]
        return repaired.count >= suffix.count && repaired.suffix(suffix.count).elementsEqual(suffix)
    }

    /// Replaying the plan gives the new name and inverting it gives the old one, byte for byte.
    private func isProven(_ proposal: FileNameProposal) -> Bool {
        (try? replayer.replay(proposal.plan, on: proposal.original)) == proposal.repaired
            && (try? replayer.invert(proposal.plan, on: proposal.repaired)) == proposal.original
    }
}
