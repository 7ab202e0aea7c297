/// Runs the enabled rules in rounds until the document stops changing. In a round every fixing
/// rule proposes byte-range edits on the same parse; edits outside protected zones are merged in
/// registry order and applied together. Report-only rules then look at the final document.
/// Findings are reported at their position in the input, mapped back through the edits made.
///
/// Each document is first read with the quick structure when a line scan is sure of its blocks
/// (`QuickStructure`: no cmark). Rules see at least as much to change there as on the full
/// parse, so when no fixing rule but the file-level ones (line endings, BOM, final newline, which
/// never read zones) proposes an edit, the round stands; as soon as one does (or a rule whose
/// findings depend on zones reports something), the round is redone on the full parse. Clean
/// documents, those that only lack their final newline, and the confirming last round of most
/// others thus skip cmark.
///
/// A client adds its own rules by listing them after (or among) the built-in ones, and enables
/// them by name like any other: `Normalizer(options: options, rules: RuleRegistry.rules +
/// [MyRule.self])` with `MyRule.name` in `options.enabledRules`. They run in the list's order,
/// under the same protection of code, math and front matter, and their findings carry their name.
public struct Normalizer: Sendable {
    public let options: NormalizeOptions
    /// Every rule this normaliser knows, in the order it runs them; those named in
    /// `options.enabledRules` (or `suggestedRules`) run.
    public let rules: [any MarkdownRule.Type]
    /// Off only in tests that compare both paths.
    var usesQuickStructure = true
    /// Off only in tests that compare both paths: the structure after a round is updated around
    /// its edits when that provably equals a full parse (`IncrementalStructure`).
    var usesIncrementalStructure = true
    /// Off only in tests that compare both paths: after a round, `unicode-nfc` looks only where
    /// the edits and the lines it found before allow (`NFCLines`).
    var usesNFCScope = true

    /// - Parameters:
    ///   - options: which rules run, and the switches rules read.
    ///   - rules: the rules, in order: `RuleRegistry.rules` (the built-in ones) unless a client
    ///     adds its own. Names must be unique: a rule's name identifies its findings, and the
    ///     file-level rules (line endings, BOM, final newline) are known by name.
    public init(options: NormalizeOptions = NormalizeOptions(), rules: [any MarkdownRule.Type] = RuleRegistry.rules) {
        precondition(Set(rules.map { $0.name }).count == rules.count, "two Markdown rules share a name")
        self.options = options
        self.rules = rules
    }

    /// The normalised bytes and what was done or found on the way.
    public struct Result: Sendable {
        /// The normalised document (the input's bytes when nothing changed).
        public var output: [UInt8]
        /// Every change made and every report, in input coordinates (offset into the input).
        public var findings: [Finding]
        /// Whether any rule edited the document.
        public var changed: Bool
        /// Headings whose anchor id changed, per id style (links to them must be updated).
        public var anchorChanges: [AnchorChange]
    }

    /// One heading's anchor before and after, under one id style.
    public struct AnchorChange: Sendable, Equatable {
        public var style: AnchorStyle
        /// Offset of the heading in the input.
        public var offset: Int
        public var old: String
        public var new: String
    }

    /// Most rounds before giving up on a fixed point (each round re-parses once).
    static let maxRounds = 6

    /// Normalises a UTF-8 Markdown document: the enabled rules' edits until a fixed point (at most
    /// a few rounds), then the report-only rules on the result.
    public func normalize(_ input: [UInt8]) -> Result {
        var document = self.document(input)
        var findings: [Finding] = []
        var stages: [[TextEdit]] = []
        let enabled = rules.filter { options.enabledRules.contains($0.name) }
        let fixers = enabled.filter { $0.kind != .report }
        // Rounds: every fixing rule looks at the same parse; their edits are merged in registry
        // order (an edit that overlaps an earlier rule's waits for the next round) and applied
        // together, so the document is parsed once per round, not once per rule.
        for _ in 0..<Self.maxRounds {
            // After the first round only edits count: a rule that edits nothing under these
            // options (security characters, unless stripped) is left out.
            let fixers = stages.isEmpty || options.stripSecurityCharacters ? fixers : fixers.filter { $0.name != SecurityCharactersRule.name }
            let outcomes = run(fixers, on: &document, findingsKept: stages.isEmpty)
            var round: [TextEdit] = []
            var fixed: [Finding] = []
            var taken = TakenRanges()
            for (rule, outcome) in zip(fixers, outcomes) {
                if stages.isEmpty { findings += outcome.findings }
                for edit in Self.admissible(outcome.edits, in: document, rule: rule) {
                    guard taken.take(edit.range) else { continue }
                    round.append(edit)
                    let finding = Finding(offset: edit.range.lowerBound, rule: rule.name, message: edit.message, severity: .fixed)
                    if stages.isEmpty { findings.append(finding) } else { fixed.append(finding) }
                }
            }
            // Mapped back in one walk per earlier round (see `mapBack`).
            findings += Self.mapBack(fixed, through: stages)
            guard !round.isEmpty else { break }
            round.sort { $0.range.lowerBound < $1.range.lowerBound || ($0.range.lowerBound == $1.range.lowerBound && $0.range.isEmpty) }
            document = self.document(after: round, on: document)
            stages.append(round)
        }
        let reports = run(enabled.filter { $0.kind == .report }, on: &document, findingsKept: true).flatMap(\.findings)
        findings += Self.mapBack(reports + suggestions(on: &document), through: stages)
        findings = Self.foldedPerFile(findings, rules: fixers)
        findings.sort { $0.offset < $1.offset }
        let anchors = stages.isEmpty || !options.reportAnchorChanges ? [] : Self.anchorChanges(from: self.document(input), to: document, through: stages)
        return Result(output: document.bytes, findings: findings, changed: !stages.isEmpty, anchorChanges: anchors)
    }

    /// The fix findings of rules with a `fileFinding` message folded into their first one.
    static func foldedPerFile(_ findings: [Finding], rules: [MarkdownRule.Type]) -> [Finding] {
        var result: [Finding] = []
        // Each rule's fix findings, in one pass (a large document has thousands).
        var fixed: [String: [Int]] = [:]
        for (k, finding) in findings.enumerated() where finding.severity == .fixed { fixed[finding.rule, default: []].append(k) }
        for rule in rules {
            let mine = fixed[rule.name] ?? []
            guard let first = mine.first, let message = rule.fileFinding(count: mine.count) else { continue }
            var folded = findings[first]
            folded.message = message
            result.append(folded)
        }
        guard !result.isEmpty else { return findings }
        let folding = Set(result.map(\.rule))
        return findings.filter { !($0.severity == .fixed && folding.contains($0.rule)) } + result
    }

    /// What the suggested rules would change in the final document, as warnings; nothing is applied.
    private func suggestions(on document: inout MarkdownDocument) -> [Finding] {
        let rules = self.rules.filter {
            $0.kind == .fix && options.suggestedRules.contains($0.name) && !options.enabledRules.contains($0.name)
        }
        guard !rules.isEmpty else { return [] }
        var findings: [Finding] = []
        for (rule, outcome) in zip(rules, run(rules, on: &document, findingsKept: false)) {
            var last: Int? = nil
            for edit in Self.admissible(outcome.edits, in: document, rule: rule) {
                // One line per place: a rule's edits on one line (both `**` of a bold line) are one suggestion.
                if let last, !document.bytes[last..<edit.range.lowerBound].contains(0x0A) { continue }
                last = edit.range.lowerBound
                findings.append(Finding(offset: edit.range.lowerBound, rule: rule.name, message: edit.message + " (suggested)", severity: .warning))
            }
        }
        return findings
    }

    private func document(_ bytes: [UInt8]) -> MarkdownDocument {
        usesQuickStructure ? MarkdownDocument(quickOrFull: bytes) : MarkdownDocument(bytes)
    }

    /// The document after a round's `edits` (sorted): the quick structure when the line scan is
    /// sure of it, else the previous full structure updated around the edits, else a full parse.
    private func document(after edits: [TextEdit], on document: MarkdownDocument) -> MarkdownDocument {
        let bytes = Self.apply(edits, to: document.bytes)
        var next: MarkdownDocument
        if usesQuickStructure, !QuickStructure.refusesAgain(document.structure), let quick = QuickStructure.build(bytes) {
            next = MarkdownDocument(bytes, structure: quick)
        } else if usesIncrementalStructure,
                  let structure = IncrementalStructure.update(document.structure, from: document.bytes, edits: edits, to: bytes) {
            next = MarkdownDocument(bytes, structure: structure)
        } else {
            next = MarkdownDocument(bytes)
        }
        if usesNFCScope, let lines = document.nfcLines.found { next.nfcLines = NFCLines(scope: NFCLines.scope(of: lines, after: edits)) }
        next.rareBytes = document.rareBytes.carried(through: edits)
        return next
    }

    /// The rules' outcomes on `document`. On a quick structure they are final only when no rule
    /// proposes a change (file-level rules apart: they never read zones) and, when findings are
    /// kept, no rule whose findings depend on zones reports any; at the first rule that does, the
    /// document is parsed in full and the rules run again. The quick round goes in reverse
    /// registry order, line-shape rules first: they usually find something, and they are cheap.
    private func run(_ rules: [MarkdownRule.Type], on document: inout MarkdownDocument, findingsKept: Bool) -> [RuleOutcome] {
        if document.structure.isQuick {
            var outcomes = [RuleOutcome?](repeating: nil, count: rules.count)
            for k in rules.indices.reversed() {
                let outcome = rules[k].init().apply(to: document, options: options)
                let bytes = document.bytes
                guard RuleRegistry.crossesZones.contains(rules[k].name)
                        || outcome.edits.allSatisfy({ bytes[$0.range].elementsEqual($0.replacement) }),
                      !findingsKept || outcome.findings.isEmpty || !rules[k].findingsUseZones else {
                    let nfcLines = document.nfcLines, rareBytes = document.rareBytes
                    document = MarkdownDocument(bytes)
                    document.nfcLines = nfcLines
                    document.rareBytes = rareBytes
                    return rules.map { $0.init().apply(to: document, options: options) }
                }
                outcomes[k] = outcome
            }
            return outcomes.compactMap { $0 }
        }
        return rules.map { $0.init().apply(to: document, options: options) }
    }

    /// Ids of the headings before and after. A heading of the output is paired with the input
    /// heading whose line its own line maps back to through the edits, so pairs hold when a rule
    /// adds or removes headings (`bold-line-heading`); a new heading has no old id to report.
    static func anchorChanges(from old: MarkdownDocument, to new: MarkdownDocument, through stages: [[TextEdit]]) -> [AnchorChange] {
        func texts(_ document: MarkdownDocument) -> [String] {
            document.structure.headings.map { String(decoding: document.bytes[$0.textRange], as: UTF8.self) }
        }
        let oldLines = old.structure.lines
        var oldHeadingAtLine: [Int: Int] = [:]
        for (k, heading) in old.structure.headings.enumerated() { oldHeadingAtLine[heading.line] = k }
        var pairs: [(old: Int, new: Int)] = []
        var paired = Set<Int>()
        let starts = mapBack(new.structure.headings.map {
            Finding(offset: new.structure.lines[$0.line].lowerBound, rule: "", message: "", severity: .fixed)
        }, through: stages)
        for (j, start) in starts.enumerated() {
            let offset = start.offset
            // The input line holding that offset (lines are sorted, disjoint ranges).
            var low = 0, high = oldLines.count
            while low < high {
                let mid = (low + high) / 2
                if oldLines[mid].upperBound < offset { low = mid + 1 } else { high = mid }
            }
            if low < oldLines.count, let k = oldHeadingAtLine[low], paired.insert(k).inserted { pairs.append((k, j)) }
        }
        let before = texts(old), after = texts(new)
        var changes: [AnchorChange] = []
        for style in AnchorStyle.allCases {
            let oldIDs = HeadingAnchors.ids(for: before, style: style), newIDs = HeadingAnchors.ids(for: after, style: style)
            for (k, j) in pairs where !oldIDs[k].unicodeScalars.elementsEqual(newIDs[j].unicodeScalars) {
                changes.append(AnchorChange(style: style, offset: oldLines[old.structure.headings[k].line].lowerBound,
                                            old: oldIDs[k], new: newIDs[j]))
            }
        }
        return changes
    }

    /// Sorted, non-overlapping edits that change something; none may edit a protected zone
    /// (line-ending and BOM edits are file-level and may cross zones).
    static func admissible(_ edits: [TextEdit], in document: MarkdownDocument, rule: MarkdownRule.Type) -> [TextEdit] {
        var result: [TextEdit] = []
        var end = 0
        let structure = document.structure
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard edit.range.lowerBound >= end, !document.bytes[edit.range].elementsEqual(edit.replacement) else { continue }
            if !RuleRegistry.crossesZones.contains(rule.name) {
                if edit.range.isEmpty {
                    // An insertion is fine at a zone's edge, not inside it.
                    if let zone = structure.zone(containing: edit.range.lowerBound),
                       zone.range.lowerBound < edit.range.lowerBound { continue }
                } else if structure.touchesZone(edit.range) {
                    continue
                }
            }
            result.append(edit)
            end = edit.range.upperBound
        }
        return result
    }

    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        let count = edits.reduce(bytes.count) { $0 + $1.replacement.count - $1.range.count }
        return bytes.withUnsafeBufferPointer { p in
            [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                var copied = 0, at = 0
                func copy(_ part: UnsafeBufferPointer<UInt8>) {
                    guard let source = part.baseAddress, let target = out.baseAddress, !part.isEmpty else { return }
                    (target + at).update(from: source, count: part.count)
                    at += part.count
                }
                for edit in edits {
                    copy(UnsafeBufferPointer(rebasing: p[copied..<edit.range.lowerBound]))
                    edit.replacement.withUnsafeBufferPointer { copy($0) }
                    copied = edit.range.upperBound
                }
                copy(UnsafeBufferPointer(rebasing: p[copied...]))
                initialized = at
            }
        }
    }

    /// Findings' offsets in the document after `stages` of edits, mapped to the input, in their
    /// order. Mapping keeps offsets in order, so each stage is one merge walk of the sorted offsets
    /// along its sorted edits: many findings cost one pass over the edits, not one each.
    static func mapBack(_ findings: [Finding], through stages: [[TextEdit]]) -> [Finding] {
        guard !stages.isEmpty, !findings.isEmpty else { return findings }
        let order = findings.indices.sorted { findings[$0].offset < findings[$1].offset }
        var offsets = order.map { findings[$0].offset }
        for edits in stages.reversed() {
            var delta = 0
            var k = 0
            for j in offsets.indices {
                let offset = offsets[j]
                var mapped: Int? = nil
                while k < edits.count {
                    let edit = edits[k]
                    let newStart = edit.range.lowerBound + delta
                    if offset < newStart { mapped = offset - delta; break }
                    if offset < newStart + edit.replacement.count { mapped = edit.range.lowerBound; break }
                    delta += edit.replacement.count - edit.range.count
                    k += 1
                }
                offsets[j] = mapped ?? offset - delta
            }
        }
        var result = findings
        for (j, index) in order.enumerated() { result[index].offset = max(0, offsets[j]) }
        return result
    }
}
